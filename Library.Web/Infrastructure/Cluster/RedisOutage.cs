using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Library.Web.Infrastructure.Cluster;

/// <summary>
/// Warnings about work done without Redis (local live updates, limits not shared), at most once per interval per kind,
/// so an outage under load writes a few lines, not one per request.
/// </summary>
internal sealed class RedisOutage(ILogger<RedisOutage> logger, TimeProvider clock, IOptions<ClusterOptions> options)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastWarned = new();

    public void Warn(string fallback, Exception? exception = null)
    {
        var now = clock.GetUtcNow();
        var last = _lastWarned.GetOrAdd(fallback, DateTimeOffset.MinValue);
        if (now - last < options.Value.OutageWarningInterval || !_lastWarned.TryUpdate(fallback, now, last))
        {
            return;
        }

        logger.LogWarning("Redis is unavailable ({Reason}): {Fallback}", exception?.Message ?? "not connected", fallback);
    }
}
