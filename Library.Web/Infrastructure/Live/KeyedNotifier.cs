using System.Collections.Concurrent;

namespace Library.Web.Infrastructure.Live;

/// <summary>
/// In-process fan-out for live UI: components subscribe to one key (or to all) and dispose the subscription.
/// On a cluster a relay (Infrastructure/Cluster) carries each publication to every node, this one included, and each node
/// fans it out to its own subscribers once; without a relay, or while it cannot reach the other nodes, the fan-out is local.
/// Every callback runs in the culture of the code that subscribed (<see cref="CapturedCulture"/>), so a subscriber
/// never has to remember it.
/// </summary>
public class KeyedNotifier<TKey, TMessage>(ILogger logger) where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, ConcurrentDictionary<Guid, Func<TMessage, Task>>> _byKey = new();
    private readonly ConcurrentDictionary<Guid, Func<TMessage, Task>> _all = new();
    private volatile Func<TKey, TMessage, Task<bool>>? _relay;

    public IDisposable Subscribe(TKey key, Func<TMessage, Task> callback)
    {
        var id = Guid.NewGuid();
        var subscribers = _byKey.GetOrAdd(key, _ => new());
        subscribers[id] = InSubscribersCulture(callback);
        return new Subscription(() => subscribers.TryRemove(id, out _));
    }

    public IDisposable SubscribeAll(Func<TMessage, Task> callback)
    {
        var id = Guid.NewGuid();
        _all[id] = InSubscribersCulture(callback);
        return new Subscription(() => _all.TryRemove(id, out _));
    }

    public int SubscriberCount => _all.Count + _byKey.Values.Sum(s => s.Count);

    public async Task PublishAsync(TKey key, TMessage message)
    {
        // True: the relay took it, and it comes back to this node's subscribers from there.
        if (_relay is { } relay && await relay(key, message))
        {
            return;
        }

        await DeliverLocallyAsync(key, message);
    }

    /// <summary>Sends every later publication through <paramref name="relay"/> (false: it could not, deliver here).</summary>
    internal void RelayThrough(Func<TKey, TMessage, Task<bool>> relay) => _relay = relay;

    /// <summary>Tells this process's subscribers (the relay calls this for every publication from any node).</summary>
    internal async Task DeliverLocallyAsync(TKey key, TMessage message)
    {
        var targets = _all.Values.ToList();
        if (_byKey.TryGetValue(key, out var subscribers))
        {
            targets.AddRange(subscribers.Values);
        }

        foreach (var callback in targets)
        {
            try
            {
                await callback(message);
            }
            catch (Exception ex)
            {
                // A broken circuit must not stop the others from hearing about the change.
                logger.LogDebug(ex, "A live-update subscriber failed");
            }
        }
    }

    private static Func<TMessage, Task> InSubscribersCulture(Func<TMessage, Task> callback)
    {
        var culture = CapturedCulture.Current;
        return message => culture.RunAsync(() => callback(message));
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private Action? _dispose = dispose;

        public void Dispose() => Interlocked.Exchange(ref _dispose, null)?.Invoke();
    }
}
