using System.Data.Common;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Simmy;
using Polly.Simmy.Fault;

namespace Library.Web.Features.Catalog;

public sealed class CatalogResilienceOptions
{
    public const string Section = "Catalog:Resilience";
    public double FailureRatio { get; set; } = 0.5;
    public int MinimumThroughput { get; set; } = 4;
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often the catalogue page, showing its "unavailable" state, tries to read the catalogue again.</summary>
    public TimeSpan PageRetryInterval { get; set; } = TimeSpan.FromSeconds(15);
}

/// <summary>The catalogue could not be read (a fault, or the circuit is open); lending keeps working without it.</summary>
public sealed class CatalogUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Fault switch for rehearsing a catalogue outage: <c>Chaos:CatalogFailureRate</c> (0..1), honoured outside Production only.
/// Mutable at run time so an operator (or a test) can end the rehearsal and watch the breaker close.
/// </summary>
public sealed class CatalogChaos
{
    private double _failureRate;

    public CatalogChaos(IConfiguration configuration, IHostEnvironment environment)
    {
        IsAllowed = !environment.IsProduction();
        FailureRate = configuration.GetValue("Chaos:CatalogFailureRate", 0.0);
    }

    public bool IsAllowed { get; }

    public double FailureRate
    {
        get => IsAllowed ? Volatile.Read(ref _failureRate) : 0;
        set => Volatile.Write(ref _failureRate, Math.Clamp(value, 0, 1));
    }
}

/// <summary>
/// The catalogue read path (search, listing, details) behind a circuit breaker. Callers get
/// <see cref="CatalogUnavailableException"/> instead of an error page and show a friendly fallback.
/// </summary>
public sealed class CatalogGuard
{
    private readonly ResiliencePipeline _pipeline;
    private readonly ILogger<CatalogGuard> _logger;

    public CatalogGuard(IOptions<CatalogResilienceOptions> options, CatalogChaos chaos, TimeProvider clock, ILogger<CatalogGuard> logger)
    {
        _logger = logger;
        var o = options.Value;
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = clock }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = o.FailureRatio,
                MinimumThroughput = o.MinimumThroughput,
                SamplingDuration = o.SamplingDuration,
                BreakDuration = o.BreakDuration,
                ShouldHandle = new PredicateBuilder().Handle<CatalogUnavailableException>().Handle<DbException>().Handle<TimeoutException>(),
                OnOpened = args =>
                {
                    logger.LogWarning("Catalogue circuit opened for {Duration}", args.BreakDuration);
                    return ValueTask.CompletedTask;
                },
                OnClosed = _ =>
                {
                    logger.LogInformation("Catalogue circuit closed");
                    return ValueTask.CompletedTask;
                },
            })
            .AddChaosFault(new ChaosFaultStrategyOptions
            {
                EnabledGenerator = _ => ValueTask.FromResult(chaos.FailureRate > 0),
                InjectionRateGenerator = _ => ValueTask.FromResult(chaos.FailureRate),
                FaultGenerator = _ => ValueTask.FromResult<Exception?>(new CatalogUnavailableException("Injected catalogue fault (Chaos:CatalogFailureRate).")),
            })
            .Build();
    }

    public async Task<T> ReadAsync<T>(Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        try
        {
            return await _pipeline.ExecuteAsync(async ct => await read(ct), cancellationToken);
        }
        catch (BrokenCircuitException ex)
        {
            throw new CatalogUnavailableException("The catalogue is temporarily unavailable.", ex);
        }
        catch (Exception ex) when (ex is DbException or TimeoutException)
        {
            _logger.LogWarning(ex, "Catalogue read failed");
            throw new CatalogUnavailableException("The catalogue is temporarily unavailable.", ex);
        }
    }
}
