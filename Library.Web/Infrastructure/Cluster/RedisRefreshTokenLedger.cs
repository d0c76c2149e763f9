using Library.Web.Infrastructure.Identity;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Library.Web.Infrastructure.Cluster;

/// <summary>
/// Single-use refresh tokens across nodes: spending one is a Redis SET NX (the token's hash) that expires with the token,
/// so a token spent on node A is refused on node B. This node's own ledger is asked too, so while Redis is unreachable
/// a token can still be spent only once per node (and the outage is logged).
/// </summary>
internal sealed class RedisRefreshTokenLedger(
    RefreshTokenLedger local, IConnectionMultiplexer redis, IOptions<ClusterOptions> cluster, RedisOutage outage) : IRefreshTokenLedger
{
    public async Task<bool> TrySpendAsync(string refreshToken)
    {
        if (!local.TrySpend(refreshToken))
        {
            return false;
        }

        try
        {
            var key = cluster.Value.RedisPrefix + "refresh-spent:" + RefreshTokenLedger.HashOf(refreshToken);
            return await redis.GetDatabase().StringSetAsync(key, 1, RefreshTokenLedger.Keep, When.NotExists);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            outage.Warn("refresh tokens are single-use per node only", ex);
            return true;
        }
    }
}
