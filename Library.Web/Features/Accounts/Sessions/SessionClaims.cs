using System.Security.Claims;

namespace Library.Web.Features.Accounts.Sessions;

internal static class SessionClaims
{
    /// <summary>The <see cref="UserSession"/> id inside the sign-in cookie.</summary>
    public const string SessionId = "library:session";

    public static Guid? CurrentSessionId(this ClaimsPrincipal? user) =>
        Guid.TryParse(user?.FindFirstValue(SessionId), out var id) ? id : null;
}
