using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Library.Web.Infrastructure.Identity;

/// <summary>
/// Refresh tokens are single use: the first refresh spends a token, a second one with the same token is refused.
/// Kept in this process's memory (hashes only) until the token would have expired anyway. On a cluster the Redis ledger
/// (Infrastructure/Cluster/RedisRefreshTokenLedger) asks this one too, so a token spent here during a Redis outage stays spent.
/// </summary>
internal sealed class RefreshTokenLedger(TimeProvider clock) : IRefreshTokenLedger
{
    /// <summary>Identity's default refresh-token lifetime; a spent token older than this is invalid anyway.</summary>
    public static readonly TimeSpan Keep = TimeSpan.FromDays(14);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _spent = new();

    /// <summary>True the first time a token is presented; false for every later use.</summary>
    public bool TrySpend(string refreshToken)
    {
        var now = clock.GetUtcNow();
        if (_spent.Count > 100_000)
        {
            foreach (var (key, until) in _spent)
            {
                if (until <= now)
                {
                    _spent.TryRemove(key, out _);
                }
            }
        }

        return _spent.TryAdd(HashOf(refreshToken), now + Keep);
    }

    public Task<bool> TrySpendAsync(string refreshToken) => Task.FromResult(TrySpend(refreshToken));

    public static string HashOf(string refreshToken) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(refreshToken)));
}
