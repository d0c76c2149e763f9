using Library.Domain.Common;
using Library.Web.Features.Catalog;
using Library.Web.Features.Lending;
using Library.Web.Localization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Library.Web.Infrastructure.Errors;

/// <summary>Maps the domain's exceptions to RFC 7807 answers: broken rule 409, unknown id 404, bad input 400.</summary>
internal sealed class DomainExceptionHandler(IProblemDetailsService problemDetails, RuleMessages ruleMessages) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails? problem = exception switch
        {
            BusinessRuleViolationException rule => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "A library rule prevents this.",
                Detail = ruleMessages.For(rule.BrokenRule),
                Type = "https://library.local/problems/" + rule.BrokenRule.Code,
                Extensions = { ["rule"] = rule.BrokenRule.Code },
            },
            NotFoundException notFound => new ProblemDetails
            {
                Status = StatusCodes.Status404NotFound,
                Title = $"{notFound.What} not found.",
                Detail = notFound.Message,
            },
            TooBusyException busy => new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests.",
                Detail = $"The library is busy. Try again in {Math.Ceiling(busy.RetryAfter.TotalSeconds)} s.",
                Extensions = { ["retryAfterSeconds"] = (int)Math.Ceiling(busy.RetryAfter.TotalSeconds) },
            },
            CatalogUnavailableException => new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The catalogue is temporarily unavailable.",
                Detail = "Searching and browsing are paused. You can still borrow by ISBN (POST /api/loans with isbn) and return books.",
            },
            UnreadableScanException scan => new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The code is not valid.",
                Detail = scan.Message,
                Type = "https://library.local/problems/" + scan.Problem,
                Extensions = { ["problem"] = scan.Problem.ToString() },
            },
            BadHttpRequestException bad => new ProblemDetails
            {
                // 400, or 413 when Kestrel refused an oversized body.
                Status = bad.StatusCode is StatusCodes.Status413PayloadTooLarge ? bad.StatusCode : StatusCodes.Status400BadRequest,
                Title = "The request is not valid.",
                Detail = bad.Message,
            },
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        if (exception is CatalogUnavailableException)
        {
            httpContext.Response.Headers.RetryAfter = "15";
        }

        if (exception is TooBusyException tooBusy)
        {
            httpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(tooBusy.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }
}
