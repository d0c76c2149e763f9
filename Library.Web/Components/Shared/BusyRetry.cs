using Library.Web.Features.Lending;
using Polly;
using Polly.Retry;

namespace Library.Web.Components.Shared;

/// <summary>
/// Runs a lending action and, when the throttle turns it away (<see cref="TooBusyException"/>), tries again after the
/// wait the throttle asked for (<see cref="TooBusyException.RetryAfter"/>), at most <see cref="MaxRetries"/> times.
/// While it waits, <see cref="SecondsLeft"/> counts down and <see cref="Changed"/> fires every second, so
/// <see cref="BusyRetryNotice"/> can show "Busy — retrying in N s". After the last attempt the
/// <see cref="TooBusyException"/> reaches the caller, which says so in a message (never an error page).
/// One instance per component; it is not shared between circuits.
/// </summary>
public sealed class BusyRetry : IDisposable
{
    public const int MaxRetries = 5;

    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);
    private readonly TimeProvider _clock;
    private readonly ResiliencePipeline _pipeline;
    private readonly Lock _lock = new();
    private DateTimeOffset? _retryAt;
    private ITimer? _ticker;

    public BusyRetry(TimeProvider clock, int maxRetries = MaxRetries)
    {
        _clock = clock;
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<TooBusyException>(),
                MaxRetryAttempts = maxRetries,
                // The throttle knows when a slot frees up; wait exactly that (no backoff or jitter on top).
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                    args.Outcome.Exception is TooBusyException busy ? busy.RetryAfter : null),
                OnRetry = args =>
                {
                    StartWaiting(args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    /// <summary>The countdown started, ticked or ended. Raised on any thread: components use InvokeAsync.</summary>
    public event Action? Changed;

    /// <summary>Whole seconds until the next attempt (at least 1), or null when nothing is waiting.</summary>
    public int? SecondsLeft
    {
        get
        {
            var retryAt = _retryAt;
            return retryAt is null ? null : Math.Max(1, (int)Math.Ceiling((retryAt.Value - _clock.GetUtcNow()).TotalSeconds));
        }
    }

    /// <param name="action">The lending call. Pass <see cref="CancellationToken.None"/> on to writes: the token only
    /// stops the waiting between attempts, never a write under way.</param>
    /// <param name="cancellationToken">Stops waiting for the next attempt (the user cancelled or left the page).</param>
    /// <exception cref="TooBusyException">Still busy after the last attempt.</exception>
    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> action, CancellationToken cancellationToken)
    {
        try
        {
            return await _pipeline.ExecuteAsync(
                async ct =>
                {
                    StopWaiting();
                    return await action(ct);
                },
                cancellationToken);
        }
        finally
        {
            StopWaiting();
        }
    }

    private void StartWaiting(TimeSpan delay)
    {
        lock (_lock)
        {
            _ticker?.Dispose();
            _retryAt = _clock.GetUtcNow() + delay;
            _ticker = _clock.CreateTimer(_ => Changed?.Invoke(), null, Tick, Tick);
        }

        Changed?.Invoke();
    }

    private void StopWaiting()
    {
        lock (_lock)
        {
            if (_retryAt is null)
            {
                return;
            }

            _ticker?.Dispose();
            _ticker = null;
            _retryAt = null;
        }

        Changed?.Invoke();
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _ticker?.Dispose();
            _ticker = null;
            _retryAt = null;
        }
    }
}
