using Library.Web.Features.Catalog;
using Library.Web.Features.Dashboard;
using Library.Web.Features.Notices;
using Library.Web.Infrastructure.Jobs;
using Library.Web.Infrastructure.Live;
using StackExchange.Redis;

namespace Library.Web.Infrastructure.Cluster;

/// <summary>
/// Connects every in-process notifier to its Redis channel when the node starts (or, if Redis is down then, as soon as
/// it is reachable; publications are local until then).
/// </summary>
internal sealed class LiveRelayService(IServiceProvider services, IConnectionMultiplexer redis, RedisOutage outage, ILogger<LiveRelayService> logger)
    : BackgroundService
{
    private readonly List<ILiveRelay> _relays = [];
    private readonly List<ILiveRelay> _waiting = [];

    /// <summary>Subscribes before the node starts serving when Redis is up, so no early publication is missed.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        _relays.Add(Relay(services.GetRequiredService<StockNotifier>(), "stock"));
        _relays.Add(Relay(services.GetRequiredService<CatalogueNotifier>(), "catalogue"));
        _relays.Add(Relay(services.GetRequiredService<DashboardNotifier>(), "dashboard"));
        _relays.Add(Relay(services.GetRequiredService<NotificationNotifier>(), "notifications"));
        _relays.Add(Relay(services.GetRequiredService<JobMonitor>(), "jobs"));
        _relays.Add(Relay(services.GetRequiredService<Features.Lending.Holds.HoldQueueNotifier>(), "holds"));
        _waiting.AddRange(_relays);
        await StartWaitingAsync();
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (_waiting.Count > 0 && !stoppingToken.IsCancellationRequested)
        {
            outage.Warn("live updates reach this node's pages only until it subscribes");
            await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            await StartWaitingAsync();
        }
    }

    private async Task StartWaitingAsync()
    {
        if (!redis.IsConnected)
        {
            return;
        }

        foreach (var relay in _waiting.ToList())
        {
            if (await relay.TryStartAsync())
            {
                _waiting.Remove(relay);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        foreach (var relay in _relays)
        {
            await relay.StopAsync();
        }
    }

    private ILiveRelay Relay<TKey, TMessage>(KeyedNotifier<TKey, TMessage> notifier, string name) where TKey : notnull =>
        new RedisLiveRelay<TKey, TMessage>(notifier, name, redis, outage, logger);
}
