using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Library.Web.Features.Accounts.Sessions;

/// <summary>
/// Ties each sign-in cookie to a <see cref="UserSession"/> row: signing in records a session and puts its id in the cookie;
/// every request checks the row, so a session signed out from another device stops working on its next request;
/// signing out revokes it. Chained onto the cookie events the identity registration sets up.
/// </summary>
internal static class SessionCookieEvents
{
    public static void Attach(CookieAuthenticationEvents events)
    {
        var signingIn = events.OnSigningIn;
        var validate = events.OnValidatePrincipal;
        var signingOut = events.OnSigningOut;

        events.OnSigningIn = async ctx =>
        {
            await signingIn(ctx);
            await RecordSessionAsync(ctx);
        };
        events.OnValidatePrincipal = async ctx =>
        {
            await validate(ctx);
            await RejectRevokedAsync(ctx);
        };
        events.OnSigningOut = async ctx =>
        {
            await signingOut(ctx);
            await RevokeCurrentAsync(ctx.HttpContext);
        };
    }

    private static async Task RecordSessionAsync(CookieSigningInContext ctx)
    {
        if (ctx.Principal?.Identity is not ClaimsIdentity identity || ctx.Principal.CurrentSessionId() is not null
            || identity.FindFirst(ClaimTypes.NameIdentifier)?.Value is not { } userId)
        {
            return;
        }

        // A refreshed cookie (new display name, changed password) keeps the session of the request that refreshes it.
        var current = ctx.HttpContext.User;
        var sessionId = current.FindFirstValue(ClaimTypes.NameIdentifier) == userId ? current.CurrentSessionId() : null;
        if (sessionId is null)
        {
            var store = ctx.HttpContext.RequestServices.GetRequiredService<SessionStore>();
            sessionId = await store.CreateAsync(
                userId, ctx.HttpContext.Request.Headers.UserAgent.ToString(), ctx.HttpContext.Connection.RemoteIpAddress?.ToString(),
                ctx.HttpContext.RequestAborted);
        }

        identity.AddClaim(new Claim(SessionClaims.SessionId, sessionId.Value.ToString()));
    }

    private static async Task RejectRevokedAsync(CookieValidatePrincipalContext ctx)
    {
        if (ctx.Principal is not { } principal)
        {
            return;
        }

        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var sessionId = principal.CurrentSessionId();
        var store = ctx.HttpContext.RequestServices.GetRequiredService<SessionStore>();
        if (userId is not null && sessionId is { } id && await store.IsActiveAsync(id, userId, ctx.HttpContext.RequestAborted))
        {
            return;
        }

        // Signed out elsewhere, account deleted, or a cookie from before sessions were recorded: sign in again.
        ctx.RejectPrincipal();
        await ctx.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }

    private static async Task RevokeCurrentAsync(HttpContext http)
    {
        var userId = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is not null && http.User.CurrentSessionId() is { } id)
        {
            await http.RequestServices.GetRequiredService<SessionStore>().RevokeAsync(userId, id, CancellationToken.None);
        }
    }
}
