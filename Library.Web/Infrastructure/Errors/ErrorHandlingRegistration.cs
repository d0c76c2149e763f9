using Microsoft.AspNetCore.Diagnostics;

namespace Library.Web.Infrastructure.Errors;

internal static class ErrorHandlingRegistration
{
    public static WebApplicationBuilder AddErrorHandling(this WebApplicationBuilder builder)
    {
        var isDevelopment = builder.Environment.IsDevelopment();
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = ctx =>
        {
            // After re-execution the request path is the error page; report the path the client asked for.
            ctx.ProblemDetails.Instance = ctx.HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path
                ?? ctx.HttpContext.Request.Path;
            ctx.ProblemDetails.Extensions["traceId"] = ctx.HttpContext.TraceIdentifier;
            // Stack traces and exception text stay in the logs outside Development.
            if (!isDevelopment)
            {
                ctx.ProblemDetails.Extensions.Remove("exception");
            }
        });
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        builder.Services.AddExceptionHandler<DomainExceptionHandler>();
        builder.Services.AddExceptionHandler<ApiFallbackExceptionHandler>();
        builder.Services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, ApiAuthorizationResultHandler>();
        return builder;
    }
}
