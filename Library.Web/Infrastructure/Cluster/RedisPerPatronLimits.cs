using System.Threading.RateLimiting;
using Library.Web.Features.Lending;
using Microsoft.Extensions.Options;
using RedisRateLimiting;
using StackExchange.Redis;

namespace Library.Web.Infrastructure.Cluster;

/// <summary>
/// The per-patron token bucket counted in Redis (RedisRateLimiting's token bucket: one Lua script per request), so every
/// node draws on one budget per patron. While Redis is unreachable the limit is not applied (fail open, with a warning):
/// lending must keep working, and the per-node concurrency limit still protects the node.
/// </summary>
internal sealed class RedisPerPatronLimits(IConnectionMultiplexer redis, IOptions<ClusterOptions> cluster, RedisOutage outage) : IPerPatronLimits
{
    public PartitionedRateLimiter<string> Create(LendingThrottleOptions options)
    {
        var prefix = cluster.Value.RedisPrefix + "lending:";
        var shared = PartitionedRateLimiter.Create<string, string>(patronId =>
            RedisRateLimitPartition.GetTokenBucketRateLimiter(prefix + patronId, _ => new RedisTokenBucketRateLimiterOptions
            {
                ConnectionMultiplexerFactory = () => redis,
                TokenLimit = options.PerPatronBurst,
                TokensPerPeriod = options.PerPatronPerSecond,
                ReplenishmentPeriod = options.PerPatronReplenishmentPeriod,
            }));
        return new FailOpenLimiter(shared, redis, outage);
    }

    private sealed class FailOpenLimiter(PartitionedRateLimiter<string> shared, IConnectionMultiplexer redis, RedisOutage outage)
        : PartitionedRateLimiter<string>
    {
        private const string Fallback = "the per-patron lending limit is not applied (fail open)";

        public override RateLimiterStatistics? GetStatistics(string resource) => null;

        protected override RateLimitLease AttemptAcquireCore(string resource, int permitCount)
        {
            if (!redis.IsConnected)
            {
                outage.Warn(Fallback);
                return OpenLease.Instance;
            }

            try
            {
                return shared.AttemptAcquire(resource, permitCount);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                outage.Warn(Fallback, ex);
                return OpenLease.Instance;
            }
        }

        protected override async ValueTask<RateLimitLease> AcquireAsyncCore(string resource, int permitCount, CancellationToken cancellationToken)
        {
            if (!redis.IsConnected)
            {
                outage.Warn(Fallback);
                return OpenLease.Instance;
            }

            try
            {
                return await shared.AcquireAsync(resource, permitCount, cancellationToken);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                outage.Warn(Fallback, ex);
                return OpenLease.Instance;
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                shared.Dispose();
            }
        }

        protected override ValueTask DisposeAsyncCore() => shared.DisposeAsync();
    }

    private sealed class OpenLease : RateLimitLease
    {
        public static readonly OpenLease Instance = new();

        public override bool IsAcquired => true;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
