using System.Security.Claims;

namespace Library.Web.Features.Accounts.Sessions;

internal static class SessionClaims
{
    /// <summary>The <see cref="UserSession"/> id inside the sign-in cookie.</summary>
    public const string SessionId = "library:session";

    public static Guid? CurrentSessionId(this ClaimsPrincipal? user) =>
        Guid.TryParse(user?.FindFirstValue(SessionId), out var id) ? id : null;

    /// <summary>Copies the session id into a principal rebuilt from the user row (the periodic security-stamp check).</summary>
    public static void CarryOver(ClaimsPrincipal? from, ClaimsPrincipal? to)
    {
        if (from.CurrentSessionId() is { } id && to?.Identity is ClaimsIdentity identity && identity.FindFirst(SessionId) is null)
        {
            identity.AddClaim(new Claim(SessionId, id.ToString()));
        }
    }
}
