using StackExchange.Redis;

namespace Library.Web.Infrastructure.Cluster;

/// <summary>
/// The node's one connection to Redis. It never blocks start-up or requests on an outage: connecting is retried in the
/// background (AbortOnConnectFail=false) and commands fail at once while disconnected (FailFast) so callers fall back.
/// Pub/sub subscriptions come back by themselves when the connection does.
/// </summary>
internal static class RedisConnection
{
    public static ConfigurationOptions Options(string configuration, string prefix)
    {
        ConfigurationOptions options;
        try
        {
            options = ConfigurationOptions.Parse(configuration);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            throw new Persistence.StartupConfigurationException(
                $"ConnectionStrings:Redis is not a StackExchange.Redis configuration string (e.g. 127.0.0.1:6379): {ex.Message}");
        }

        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ChannelPrefix = RedisChannel.Literal(prefix);
        options.ClientName ??= "library-" + Environment.MachineName;
        return options;
    }

    public static IConnectionMultiplexer Connect(ConfigurationOptions options, ILogger logger)
    {
        var connection = ConnectionMultiplexer.Connect(options);
        if (!connection.IsConnected)
        {
            logger.LogWarning("Redis ({Endpoints}) is unreachable; this node serves on and keeps trying. Until then live updates " +
                "reach only this node's pages and lending limits are counted per node", string.Join(", ", options.EndPoints));
        }

        connection.ConnectionFailed += (_, e) =>
        {
            if (e.ConnectionType == ConnectionType.Interactive)
            {
                logger.LogWarning("Lost the Redis connection to {Endpoint} ({FailureType}); this node works alone until it is back",
                    e.EndPoint, e.FailureType);
            }
        };
        connection.ConnectionRestored += (_, e) =>
        {
            if (e.ConnectionType == ConnectionType.Interactive)
            {
                logger.LogInformation("The Redis connection to {Endpoint} is back", e.EndPoint);
            }
        };
        return connection;
    }
}
