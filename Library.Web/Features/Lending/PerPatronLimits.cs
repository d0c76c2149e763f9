using System.Threading.RateLimiting;

namespace Library.Web.Features.Lending;

/// <summary>
/// Where the per-patron part of the lending limit is counted: in this process (one node, the default) or in a store every
/// node shares (Infrastructure/Cluster on a cluster), so a patron's budget is one budget however requests are spread.
/// </summary>
public interface IPerPatronLimits
{
    PartitionedRateLimiter<string> Create(LendingThrottleOptions options);
}

internal sealed class InProcessPerPatronLimits : IPerPatronLimits
{
    public PartitionedRateLimiter<string> Create(LendingThrottleOptions options) =>
        PartitionedRateLimiter.Create<string, string>(patronId =>
            RateLimitPartition.GetTokenBucketLimiter(patronId, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = options.PerPatronBurst,
                TokensPerPeriod = options.PerPatronPerSecond,
                ReplenishmentPeriod = options.PerPatronReplenishmentPeriod,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
}
