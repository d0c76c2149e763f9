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
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            // Numbers are JSON numbers, as the OpenAPI schema says: "5", "+5" and "05" are refused (the web default reads strings).
            o.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
        });
        builder.Services.AddExceptionHandler<DomainExceptionHandler>();
        builder.Services.AddExceptionHandler<ApiFallbackExceptionHandler>();
        builder.Services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, ApiAuthorizationResultHandler>();
        return builder;
    }

    /// <summary>
    /// Error statuses without a body: the JSON API answers RFC 7807 problem details (401, 403, 404, 400 from binding);
    /// pages re-execute to the friendly not-found page. One branch per audience, so an API client never gets HTML
    /// (and an API POST is never re-executed to a page, where the page's antiforgery check would turn it into a 400).
    /// </summary>
    public static WebApplication UseLibraryStatusCodePages(this WebApplication app)
    {
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        // Inner, so it runs first for the API: once it has written a problem body, the re-execute above leaves the response alone.
        app.UseWhen(IsApi, api => api.UseStatusCodePages());
        return app;
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");
}
