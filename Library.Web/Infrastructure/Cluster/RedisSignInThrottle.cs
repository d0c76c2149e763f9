using Library.Web.Infrastructure.Identity.SignIn;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Library.Web.Infrastructure.Cluster;

/// <summary>
/// Failed sign-ins counted per address and per account in Redis (fixed windows that expire with the key), so spreading
/// attempts over the nodes buys no extra guesses. One Lua script checks both budgets and counts the attempt atomically.
/// While Redis is unreachable this node's own counters (<see cref="InMemorySignInThrottle"/>) take over.
/// </summary>
internal sealed class RedisSignInThrottle(
    IConnectionMultiplexer redis, IOptions<SignInThrottleOptions> options, IOptions<ClusterOptions> cluster,
    InMemorySignInThrottle local, RedisOutage outage) : ISignInThrottle
{
    private const string Fallback = "failed sign-ins are counted per node";

    // KEYS: address, account. ARGV: address budget, account budget, window (ms). Returns -1 (go ahead) or the wait in ms.
    private static readonly LuaScript Begin = LuaScript.Prepare("""
        local byAddress = tonumber(redis.call('GET', @address) or '0')
        local byAccount = tonumber(redis.call('GET', @account) or '0')
        local wait = -1
        if byAddress >= tonumber(@addressBudget) then wait = redis.call('PTTL', @address) end
        if byAccount >= tonumber(@accountBudget) then
          local t = redis.call('PTTL', @account)
          if t > wait then wait = t end
        end
        if wait >= 0 then return wait end
        if redis.call('INCR', @address) == 1 then redis.call('PEXPIRE', @address, @window) end
        if redis.call('INCR', @account) == 1 then redis.call('PEXPIRE', @account, @window) end
        return -1
        """);

    private static readonly LuaScript GiveBack = LuaScript.Prepare("""
        if tonumber(redis.call('GET', @address) or '0') > 0 then redis.call('DECR', @address) end
        if tonumber(redis.call('GET', @account) or '0') > 0 then redis.call('DECR', @account) end
        return 0
        """);

    public TimeSpan? TryBegin(string clientAddress, string account)
    {
        if (!redis.IsConnected)
        {
            outage.Warn(Fallback);
            return local.TryBegin(clientAddress, account);
        }

        var o = options.Value;
        try
        {
            var wait = (long)redis.GetDatabase().ScriptEvaluate(Begin, new
            {
                address = AddressKey(clientAddress),
                account = AccountKey(account),
                addressBudget = o.FailuresPerAddress,
                accountBudget = o.FailuresPerAccount,
                window = (long)o.Window.TotalMilliseconds,
            });
            return wait < 0 ? null : TimeSpan.FromMilliseconds(Math.Max(wait, 1_000));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            outage.Warn(Fallback, ex);
            return local.TryBegin(clientAddress, account);
        }
    }

    public void Succeeded(string clientAddress, string account)
    {
        local.Succeeded(clientAddress, account);
        try
        {
            redis.GetDatabase().ScriptEvaluate(GiveBack, new { address = AddressKey(clientAddress), account = AccountKey(account) });
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            outage.Warn(Fallback, ex);
        }
    }

    private RedisKey AddressKey(string address) => cluster.Value.RedisPrefix + "sign-in:ip:" + address;

    private RedisKey AccountKey(string account) => cluster.Value.RedisPrefix + "sign-in:account:" + account.Trim().ToUpperInvariant();
}
