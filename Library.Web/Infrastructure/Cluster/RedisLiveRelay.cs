using System.Text.Json;
using System.Threading.Channels;
using Library.Web.Infrastructure.Live;
using StackExchange.Redis;

namespace Library.Web.Infrastructure.Cluster;

/// <summary>
/// Carries one notifier's publications to every node over a Redis pub/sub channel ("live:{name}"). Each node, the
/// publishing one included, subscribes once and hands each message to its own subscribers once, in the order published.
/// When Redis cannot take a publication the notifier delivers it locally (this node's pages still update).
/// </summary>
internal sealed class RedisLiveRelay<TKey, TMessage>(
    KeyedNotifier<TKey, TMessage> notifier, string name, IConnectionMultiplexer redis, RedisOutage outage, ILogger logger)
    : ILiveRelay
    where TKey : notnull
{
    private readonly RedisChannel _channel = RedisChannel.Literal("live:" + name);
    private readonly Channel<RedisValue> _received = Channel.CreateUnbounded<RedisValue>(new() { SingleReader = true });
    private Task? _delivering;

    /// <summary>Subscribes (LiveRelayService calls it once Redis is connected, again if it failed) and starts relaying.</summary>
    public async Task<bool> TryStartAsync()
    {
        var subscriber = redis.GetSubscriber();
        try
        {
            await subscriber.SubscribeAsync(_channel, OnReceived);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // Forget the half-made subscription so the next attempt cannot leave two handlers (two deliveries) behind.
            try
            {
                subscriber.Unsubscribe(_channel, OnReceived, CommandFlags.FireAndForget);
            }
            catch (Exception again) when (again is RedisException or TimeoutException)
            {
                logger.LogDebug(again, "Could not undo the failed subscription to {Channel}", _channel);
            }

            return false;
        }

        _delivering ??= Task.Run(DeliverInOrderAsync);
        notifier.RelayThrough(PublishAsync);
        return true;
    }

    public async Task StopAsync()
    {
        _received.Writer.TryComplete();
        if (_delivering is { } delivering)
        {
            await delivering;
        }
    }

    private void OnReceived(RedisChannel channel, RedisValue message) => _received.Writer.TryWrite(message);

    private async Task DeliverInOrderAsync()
    {
        await foreach (var message in _received.Reader.ReadAllAsync())
        {
            await DeliverAsync(message);
        }
    }

    private async Task<bool> PublishAsync(TKey key, TMessage message)
    {
        if (!redis.IsConnected)
        {
            outage.Warn("live updates reach this node's pages only");
            return false;
        }

        try
        {
            await redis.GetSubscriber().PublishAsync(_channel, JsonSerializer.Serialize(new Envelope(key, message), Json));
            return true;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            outage.Warn("live updates reach this node's pages only", ex);
            return false;
        }
    }

    private async Task DeliverAsync(RedisValue published)
    {
        Envelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<Envelope>(published.ToString(), Json);
        }
        catch (JsonException ex)
        {
            logger.LogWarning(ex, "Ignored an unreadable live update on {Channel}", _channel);
            return;
        }

        if (envelope is { Key: { } key, Message: { } message })
        {
            await notifier.DeliverLocallyAsync(key, message);
        }
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record Envelope(TKey Key, TMessage Message);
}

internal interface ILiveRelay
{
    Task<bool> TryStartAsync();

    Task StopAsync();
}
