using System.Diagnostics;
using Library.Web.Infrastructure.Health;

namespace Library.Web.Infrastructure.Logging;

/// <summary>
/// One log entry per request: method, path (no query string: it may carry tokens), status code and duration.
/// Information for ordinary requests; Debug for health probes, which an orchestrator sends every few seconds.
/// </summary>
internal sealed partial class RequestLoggingMiddleware(RequestDelegate next, ILoggerFactory loggerFactory)
{
    private readonly ILogger _logger = loggerFactory.CreateLogger(LoggingRegistration.RequestLogCategory);

    public async Task InvokeAsync(HttpContext context)
    {
        var level = IsHealthProbe(context.Request.Path) ? LogLevel.Debug : LogLevel.Information;
        if (!_logger.IsEnabled(level))
        {
            await next(context);
            return;
        }

        var start = Stopwatch.GetTimestamp();
        var failed = false;
        try
        {
            await next(context);
        }
        catch
        {
            failed = true;
            throw;
        }
        finally
        {
            var status = failed && !context.Response.HasStarted ? StatusCodes.Status500InternalServerError : context.Response.StatusCode;
            RequestFinished(
                _logger,
                level,
                context.Request.Method,
                context.Request.PathBase.Add(context.Request.Path).ToString(),
                status,
                Math.Round(Stopwatch.GetElapsedTime(start).TotalMilliseconds, 1));
        }
    }

    private static bool IsHealthProbe(PathString path) =>
        path.StartsWithSegments(HealthRegistration.LivePath) || path.StartsWithSegments(HealthRegistration.ReadyPath);

    [LoggerMessage(EventId = 1, EventName = "RequestFinished", Message = "HTTP {Method} {Path} responded {StatusCode} in {ElapsedMilliseconds} ms")]
    private static partial void RequestFinished(ILogger logger, LogLevel level, string method, string path, int statusCode, double elapsedMilliseconds);
}
