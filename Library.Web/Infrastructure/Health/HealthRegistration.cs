using System.Text.Json;
using Library.Web.Infrastructure.Messaging;
using Library.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Library.Web.Infrastructure.Health;

internal static class HealthRegistration
{
    public static WebApplicationBuilder AddHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck<ReadinessCheck>("ready", tags: ["ready"]);
        return builder;
    }

    public static WebApplication MapHealth(this WebApplication app)
    {
        // Liveness never touches the database: an outage must not make an orchestrator restart every instance.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteJson });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = WriteJson });
        return app;
    }

    private static Task WriteJson(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
        }, JsonSerializerOptions.Web));
    }
}

internal sealed class ReadinessCheck(
    IDbContextFactory<LibraryDbContext> dbFactory,
    IHostApplicationLifetime lifetime,
    IConfiguration configuration) : IHealthCheck
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
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("Database unreachable.");
            }

            var pendingMigrations = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            var backlog = await db.OutboxMessages.CountAsync(m => m.ProcessedAt == null && m.FailedAt == null, cancellationToken);
            var threshold = configuration.GetValue("Health:OutboxBacklogThreshold", 10_000);
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
