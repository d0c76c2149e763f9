using Library.Web.Infrastructure.Identity.Setup;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Library.Web.Infrastructure.Cluster;

/// <summary>
/// One setup code for the whole cluster: the first node to open setup sets it (SET NX), every other node reads it, and
/// creating the first librarian on any node deletes it. While Redis is unreachable the node uses the code it saw last.
/// </summary>
internal sealed class RedisSetupCodeStore(IConnectionMultiplexer redis, IOptions<ClusterOptions> cluster, RedisOutage outage) : ISetupCodeStore
{
    private readonly InProcessSetupCodeStore _lastSeen = new();

    private RedisKey Key => cluster.Value.RedisPrefix + "setup-code";

    public string? Current
    {
        get
        {
            try
            {
                var code = (string?)redis.GetDatabase().StringGet(Key);
                Remember(code);
                return code;
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                outage.Warn("the setup code is this node's last known one", ex);
                return _lastSeen.Current;
            }
        }
    }

    public string OpenWith(string candidate)
    {
        try
        {
            var db = redis.GetDatabase();
            db.StringSet(Key, candidate, when: When.NotExists);
            var code = (string?)db.StringGet(Key) ?? candidate;
            Remember(code);
            return code;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            outage.Warn("the setup code is this node's own (other nodes print theirs)", ex);
            return _lastSeen.OpenWith(candidate);
        }
    }

    public void Close()
    {
        _lastSeen.Close();
        try
        {
            redis.GetDatabase().KeyDelete(Key);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            outage.Warn("setup was closed on this node only; other nodes close it when they see the librarian", ex);
        }
    }

    private void Remember(string? code)
    {
        _lastSeen.Close();
        if (code is not null)
        {
            _lastSeen.OpenWith(code);
        }
    }
}
