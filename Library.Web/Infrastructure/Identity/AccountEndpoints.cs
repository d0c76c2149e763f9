using Microsoft.AspNetCore.Identity;

namespace Library.Web.Infrastructure.Identity;

internal static class AccountEndpoints
{
    public static WebApplication MapAdditionalIdentityEndpoints(this WebApplication app)
    {
        // A form post (antiforgery-checked by the middleware), so a link cannot sign anyone out.
        app.MapPost("/account/logout", async (SignInManager<LibraryUser> signIn, HttpContext http) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/");
        }).ExcludeFromDescription();
        return app;
    }
}
