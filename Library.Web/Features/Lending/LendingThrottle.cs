using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Library.Web.Features.Lending;

public sealed class LendingThrottleOptions
{
    public const string Section = "Lending:Throttle";

    /// <summary>Per patron: a token bucket of this size…</summary>
    public int PerPatronBurst { get; set; } = 20;

    /// <summary>…refilled with this many tokens every <see cref="PerPatronReplenishmentPeriod"/> (one second by default).</summary>
    public int PerPatronPerSecond { get; set; } = 10;

    public TimeSpan PerPatronReplenishmentPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Lending actions running at once across all patrons…</summary>
    public int GlobalConcurrency { get; set; } = 64;

    /// <summary>…and how many may wait for a slot (oldest first) before new ones are turned away.</summary>
    public int GlobalQueue { get; set; } = 2_000;
}

/// <summary>Raised when a lending action cannot be taken now; the caller should try again after <see cref="RetryAfter"/>.</summary>
public sealed class TooBusyException(TimeSpan retryAfter) : Exception("The library is busy; please try again shortly.")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}

/// <summary>
/// Rate limits for borrow and return, shared by the UI and the API (UI clicks travel over the circuit and never pass
/// HTTP middleware): a per-patron token bucket (<see cref="IPerPatronLimits"/>: shared by all nodes on a cluster) chained
/// with a global concurrency limit that has a bounded queue.
/// A queued action is either run or answered with <see cref="TooBusyException"/>; none is dropped silently.
/// </summary>
public sealed class LendingThrottle : IAsyncDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public LendingThrottle(IOptions<LendingThrottleOptions> options, IPerPatronLimits perPatronLimits)
    {
        var o = options.Value;
        var perPatron = perPatronLimits.Create(o);
        // Concurrency is a property of this process (threads, connections), so it stays per node on a cluster too.
        var global = PartitionedRateLimiter.Create<string, string>(_ =>
            RateLimitPartition.GetConcurrencyLimiter("global", _ => new ConcurrencyLimiterOptions
            {
                PermitLimit = o.GlobalConcurrency,
                QueueLimit = o.GlobalQueue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            }));
        _limiter = PartitionedRateLimiter.CreateChained(perPatron, global);
    }

    public async ValueTask<IDisposable> EnterAsync(string patronId, CancellationToken cancellationToken)
    {
        var lease = await _limiter.AcquireAsync(patronId, 1, cancellationToken);
        if (lease.IsAcquired)
        {
            return lease;
        }

        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1);
        lease.Dispose();
        throw new TooBusyException(retryAfter < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : retryAfter);
    }

    public ValueTask DisposeAsync() => _limiter.DisposeAsync();
}
