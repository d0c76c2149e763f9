using System.Collections.Concurrent;

namespace Library.Web.Infrastructure.Live;

/// <summary>
/// In-process fan-out for live UI: components subscribe to one key (or to all) and dispose the subscription.
/// A SignalR backplane would feed this when the app runs on several nodes.
/// Every callback runs in the culture of the code that subscribed (<see cref="CapturedCulture"/>), so a subscriber
/// never has to remember it.
/// </summary>
public class KeyedNotifier<TKey, TMessage>(ILogger logger) where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, ConcurrentDictionary<Guid, Func<TMessage, Task>>> _byKey = new();
    private readonly ConcurrentDictionary<Guid, Func<TMessage, Task>> _all = new();

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
