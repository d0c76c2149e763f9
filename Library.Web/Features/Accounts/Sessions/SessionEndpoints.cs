using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;

namespace Library.Web.Features.Accounts.Sessions;

internal static class SessionEndpoints
{
    public const string SignOutPath = "/account/sessions/sign-out";
    public const string OthersValue = "others";

    /// <summary>
    /// The sessions page's buttons: a form post (antiforgery-checked, since it binds a form field) with
    /// <c>session</c> = a session id, or "others" for every session but this one. Answers with the page again.
    /// </summary>
    public static void MapSessionEndpoints(this WebApplication app)
    {
        app.MapPost(SignOutPath, async ([FromForm] string? session, HttpContext http, SessionStore store) =>
        {
            var userId = http.User.FindFirstValue(ClaimTypes.NameIdentifier)!;
            var current = http.User.CurrentSessionId();
            int count;
            if (session == OthersValue)
            {
                count = await store.RevokeOthersAsync(userId, current, http.RequestAborted);
            }
            else if (Guid.TryParse(session, out var id) && id != current)
            {
                count = await store.RevokeAsync(userId, id, http.RequestAborted) ? 1 : 0;
            }
            else
            {
                return Results.LocalRedirect("/account/manage/sessions");
            }

            return Results.LocalRedirect($"/account/manage/sessions?signedOut={count}");
        }).RequireAuthorization().ExcludeFromDescription();
    }
}
