using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace Library.Web.Infrastructure.Identity;

internal static class AccountEndpoints
{
    public static WebApplication MapAdditionalIdentityEndpoints(this WebApplication app)
    {
        // A form post with the antiforgery token (the layout's sign-out form sends it), so no other site can sign anyone out.
        app.MapPost("/account/logout", async (SignInManager<LibraryUser> signIn, IAntiforgery antiforgery, HttpContext http) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.Problem(title: "Missing or invalid antiforgery token",
                    detail: "Sign out with the app's sign-out button.", statusCode: StatusCodes.Status400BadRequest);
            }

            await signIn.SignOutAsync();
            return Results.LocalRedirect("/");
        }).ExcludeFromDescription();
        return app;
    }
}
