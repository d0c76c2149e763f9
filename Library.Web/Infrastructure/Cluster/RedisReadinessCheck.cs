using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Library.Web.Infrastructure.Cluster;

/// <summary>
/// Readiness on a cluster: Redis answers PING within a second. Unreachable Redis reports Degraded, not Unhealthy: the node
/// still lends (limits fail open, pages on this node still update), and failing readiness on every node at once would
/// take the whole library out of the load balancer for an outage it is built to ride out. The status and the check's
/// description show the operator what is wrong.
/// </summary>
internal sealed class RedisReadinessCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!redis.IsConnected)
        {
            return HealthCheckResult.Degraded("Redis unreachable: live updates stay on this node, lending limits are per node.");
        }

        try
        {
            var latency = await redis.GetDatabase().PingAsync().WaitAsync(Timeout, cancellationToken);
            return HealthCheckResult.Healthy("Redis answers.", new Dictionary<string, object> { ["pingMs"] = Math.Round(latency.TotalMilliseconds, 1) });
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return HealthCheckResult.Degraded("Redis did not answer PING within 1 s.", ex);
        }
    }
}
