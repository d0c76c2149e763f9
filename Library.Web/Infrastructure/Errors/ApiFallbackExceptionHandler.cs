using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Library.Web.Infrastructure.Errors;

/// <summary>An unexpected failure under /api answers a bare 500 problem (details stay in the log); pages get /error.</summary>
internal sealed class ApiFallbackExceptionHandler(IProblemDetailsService problemDetails, ILogger<ApiFallbackExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!httpContext.Request.Path.StartsWithSegments("/api"))
        {
            return false;
        }

        logger.LogError(exception, "Unhandled API error");
        httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails { Status = 500, Title = "An unexpected error occurred." },
        });
    }
}
