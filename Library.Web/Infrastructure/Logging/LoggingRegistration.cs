using Microsoft.Extensions.Logging.Console;

namespace Library.Web.Infrastructure.Logging;

/// <summary>
/// Console logs: JSON in containers (one object per line, with request scopes), readable single lines otherwise.
/// Levels come from configuration (appsettings, then environment variables such as
/// <c>Logging__LogLevel__Default=Debug</c>), so a Kubernetes ConfigMap can change them.
/// Also logs every HTTP request (method, path, status, duration) under <see cref="RequestLogCategory"/>.
/// </summary>
internal static class LoggingRegistration
{
    /// <summary>Log category of the request log; silence it with <c>Logging__LogLevel__Library.Web.Requests=Warning</c>.</summary>
    public const string RequestLogCategory = "Library.Web.Requests";

    public static WebApplicationBuilder AddLibraryLogging(this WebApplicationBuilder builder)
    {
        var defaultFormatter = DefaultConsoleFormatter(
            builder.Environment.IsDevelopment(),
            builder.Configuration.GetValue("DOTNET_RUNNING_IN_CONTAINER", false));

        // An explicit Logging:Console:FormatterName (bound by the default console logger setup) always wins.
        builder.Services.PostConfigure<ConsoleLoggerOptions>(o =>
        {
            if (string.IsNullOrWhiteSpace(o.FormatterName))
            {
                o.FormatterName = defaultFormatter;
            }
        });

        // Formatter details are defaults only: a Logging:Console:FormatterOptions section replaces them.
        if (!builder.Configuration.GetSection("Logging:Console:FormatterOptions").Exists())
        {
            builder.Services.Configure<SimpleConsoleFormatterOptions>(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss ";
            });
            builder.Services.Configure<JsonConsoleFormatterOptions>(o =>
            {
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                o.IncludeScopes = true;
            });
        }

        // A startup filter puts the request log outside every other middleware, so it sees the final status code.
        builder.Services.AddTransient<IStartupFilter, RequestLoggingStartupFilter>();
        return builder;
    }

    /// <summary>Readable lines in Development; JSON in a container (the .NET images set DOTNET_RUNNING_IN_CONTAINER).</summary>
    public static string DefaultConsoleFormatter(bool isDevelopment, bool runningInContainer) =>
        !isDevelopment && runningInContainer ? ConsoleFormatterNames.Json : ConsoleFormatterNames.Simple;

    private sealed class RequestLoggingStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseMiddleware<RequestLoggingMiddleware>();
            next(app);
        };
    }
}
