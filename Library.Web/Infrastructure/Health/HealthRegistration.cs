using System.Text.Json;
using Library.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Library.Web.Infrastructure.Health;

internal static class HealthRegistration
{
    /// <summary>Process up. Used by the container HEALTHCHECK and the Kubernetes startup and liveness probes.</summary>
    public const string LivePath = "/health/live";

    /// <summary>Database reachable, migrations applied, outbox backlog below the threshold, not shutting down.
    /// Used by the Kubernetes readiness probe.</summary>
    public const string ReadyPath = "/health/ready";

    public static WebApplicationBuilder AddHealth(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<HealthOptions>(builder.Configuration.GetSection(HealthOptions.Section));
        builder.Services.AddHealthChecks()
            .AddCheck<ReadinessCheck>("ready", tags: ["ready"]);
        builder.Services.AddHostedService<ShutdownDrain>();
        return builder;
    }

    public static WebApplication MapHealth(this WebApplication app)
    {
        // Liveness never touches the database: an outage must not make an orchestrator restart every instance.
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteJson });
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = WriteJson });
        return app;
    }

    private static Task WriteJson(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
        }, JsonSerializerOptions.Web));
    }
}

internal sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>Readiness fails when more undelivered outbox messages than this are waiting.</summary>
    public int OutboxBacklogThreshold { get; set; } = 10_000;

    /// <summary>
    /// How long the app keeps serving after shutdown begins, with readiness already answering 503, before the web
    /// server stops accepting connections (a load balancer that follows readiness takes the instance out meanwhile).
    /// Counts toward the host's shutdown timeout (30 s). Zero stops at once.
    /// </summary>
    public TimeSpan ShutdownDrainDelay { get; set; } = TimeSpan.Zero;
}

internal sealed class ReadinessCheck(
    IDbContextFactory<LibraryDbContext> dbFactory,
    IHostApplicationLifetime lifetime,
    IOptionsMonitor<HealthOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("Shutting down.");
        }

        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            // On SQLite this checks that the file exists, so a missing volume is reported, not papered over with a new empty file.
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("Database unreachable.");
            }

            var pendingMigrations = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            var backlog = await db.OutboxMessages.CountAsync(m => m.ProcessedAt == null && m.FailedAt == null, cancellationToken);
            var threshold = options.CurrentValue.OutboxBacklogThreshold;
            var data = new Dictionary<string, object> { ["pendingMigrations"] = pendingMigrations, ["outboxBacklog"] = backlog };
            if (pendingMigrations > 0)
            {
                return HealthCheckResult.Unhealthy("Migrations pending.", data: data);
            }

            return backlog > threshold
                ? HealthCheckResult.Unhealthy($"Outbox backlog {backlog} is above {threshold}.", data: data)
                : HealthCheckResult.Healthy("Ready.", data);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("Database unreachable.", ex);
        }
    }
}

/// <summary>
/// Holds the host in its "stopping" phase for <see cref="HealthOptions.ShutdownDrainDelay"/>: ApplicationStopping has
/// fired (readiness answers 503) but the server still accepts requests, so a load balancer that polls readiness
/// stops routing here before connections are refused. Kestrel then drains the requests in flight.
/// </summary>
internal sealed class ShutdownDrain(IOptions<HealthOptions> options, ILogger<ShutdownDrain> logger) : IHostedLifecycleService
{
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        var delay = options.Value.ShutdownDrainDelay;
        if (delay <= TimeSpan.Zero)
        {
            return;
        }

        logger.LogInformation("Shutting down: readiness reports unready; still serving for {DrainDelay} before the server stops", delay);
        try
        {
            await Task.Delay(delay, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The host's shutdown timeout ran out: stop now.
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
