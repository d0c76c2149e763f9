using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Library.Web.Infrastructure.Identity;

/// <summary>
/// Answers 401 to a bearer token issued before the account's last password change or "sign out everywhere" (after
/// authentication, before authorization, so the token never reaches an endpoint).
/// </summary>
internal static class BearerStampMiddleware
{
    public static WebApplication UseBearerStampCheck(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            if (http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                var result = await http.AuthenticateAsync(IdentityConstants.BearerScheme);
                if (result.Succeeded && !await http.RequestServices.GetRequiredService<SecurityStampCheck>().IsCurrentAsync(result.Principal))
                {
                    http.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    http.Response.Headers.WWWAuthenticate = "Bearer";
                    await Results.Problem(title: "Signed out", detail: "This token was issued before a password change or a sign-out everywhere; sign in again.",
                        statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(http);
                    return;
                }
            }

            await next(http);
        });
        return app;
    }
}
