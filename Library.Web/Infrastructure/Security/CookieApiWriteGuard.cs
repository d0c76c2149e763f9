using Microsoft.AspNetCore.Mvc;

namespace Library.Web.Infrastructure.Security;

/// <summary>
/// The JSON API accepts writes only with a bearer token. A browser sends the sign-in cookie with any request another site
/// makes it send, so a POST/PUT/PATCH/DELETE under /api that the cookie would authenticate is refused with 403 before any
/// endpoint runs (nothing changes). Reads with the cookie stay allowed; the app's own pages never call /api.
/// </summary>
internal static class CookieApiWriteGuard
{
    public const string Title = "Writes to the API need a bearer token.";

    public static IApplicationBuilder UseCookieApiWriteGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (IsCookieAuthenticatedApiWrite(context))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status403Forbidden,
                    Title = Title,
                    Detail = "Sign in with POST /api/auth/login and send the accessToken as `Authorization: Bearer <token>`; " +
                             "the sign-in cookie is accepted for reads only.",
                },
            });
            return;
        }

        await next(context);
    });

    private static bool IsCookieAuthenticatedApiWrite(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api")
        && !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method))
        // The default scheme reads the bearer token when the request has one, otherwise the cookie (decision 8).
        && context.User.Identity?.IsAuthenticated == true
        && !context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
}
