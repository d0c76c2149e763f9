using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Library.Web.Infrastructure.Identity;

/// <summary>
/// Refresh tokens are single use: the first refresh spends a token, a second one with the same token is refused.
/// Kept in this process's memory (hashes only) until the token would have expired anyway; see notes for a shared store.
/// </summary>
internal sealed class RefreshTokenLedger(TimeProvider clock)
{
    /// <summary>Identity's default refresh-token lifetime; a spent token older than this is invalid anyway.</summary>
    private static readonly TimeSpan Keep = TimeSpan.FromDays(14);
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

        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(refreshToken)));
        return _spent.TryAdd(hash, now + Keep);
    }
}
