using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Mvc;

namespace Library.Web.Infrastructure.Errors;

/// <summary>
/// Under /api, a refused request answers 401/403 with a problem-details body. Without a body, the status-code-pages
/// middleware would re-execute the request as the HTML "not found" page (turning a POST into 400 and a PUT into 405).
/// </summary>
internal sealed class ApiAuthorizationResultHandler(IProblemDetailsService problemDetails) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        await _default.HandleAsync(next, context, policy, authorizeResult);
        if ((authorizeResult.Challenged || authorizeResult.Forbidden)
            && context.Request.Path.StartsWithSegments("/api")
            && !context.Response.HasStarted
            && context.Response.StatusCode is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden)
        {
            await problemDetails.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = context.Response.StatusCode,
                    Title = context.Response.StatusCode == StatusCodes.Status401Unauthorized
                        ? "Sign in first (bearer token or cookie)."
                        : "Your account is not allowed to do this.",
                },
            });
        }
    }
}
