using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Library.Web.Infrastructure.Identity;

/// <summary>
/// Bearer tokens carry the security stamp of their sign-in; a password change or "sign out everywhere" changes the stamp.
/// <see cref="BearerStampMiddleware"/> refuses a token whose stamp is no longer the account's, looking the stamp up at most
/// once per <see cref="Interval"/> per account and stamp. Cookies are checked by Identity's SecurityStampValidator at the
/// same interval.
/// </summary>
internal sealed class SecurityStampCheck(
    UserManager<LibraryUser> users, IOptions<IdentityOptions> identity, StampCache cache, TimeProvider clock)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal)
    {
        if (principal.PatronId() is not { } userId)
        {
            return false;
        }

        var stamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType) ?? string.Empty;
        var now = clock.GetUtcNow();
        if (cache.IsFresh(userId, stamp, now))
        {
            return true;
        }

        var user = await users.FindByIdAsync(userId);
        if (user is null || !string.Equals(await users.GetSecurityStampAsync(user), stamp, StringComparison.Ordinal))
        {
            return false;
        }

        cache.Remember(userId, stamp, now + Interval);
        return true;
    }
}

/// <summary>Which (account, stamp) pairs were confirmed recently, so most requests need no database read.</summary>
internal sealed class StampCache
{
    private readonly ConcurrentDictionary<(string UserId, string Stamp), DateTimeOffset> _confirmed = new();

    public bool IsFresh(string userId, string stamp, DateTimeOffset now) =>
        _confirmed.TryGetValue((userId, stamp), out var until) && until > now;

    public void Remember(string userId, string stamp, DateTimeOffset until)
    {
        if (_confirmed.Count > 50_000)
        {
            _confirmed.Clear();
        }

        _confirmed[(userId, stamp)] = until;
    }
}
