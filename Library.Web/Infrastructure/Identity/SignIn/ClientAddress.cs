namespace Library.Web.Infrastructure.Identity.SignIn;

internal static class ClientAddress
{
    /// <summary>The connection's remote address (behind a proxy, configure forwarded headers so this is the client's).</summary>
    public static string Of(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
