using Microsoft.Extensions.Options;

namespace Library.Web.Infrastructure.Identity.SignIn;

/// <summary>Fixed windows per key in this process's memory (one node). Keys of ended windows are swept as new ones come.</summary>
internal sealed class InMemorySignInThrottle(IOptions<SignInThrottleOptions> options, TimeProvider clock) : ISignInThrottle
{
    private const int SweepThreshold = 10_000;
    private readonly Dictionary<string, Window> _windows = new();
    private readonly Lock _gate = new();

    public TimeSpan? TryBegin(string clientAddress, string account)
    {
        var o = options.Value;
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            var byAddress = Current(AddressKey(clientAddress), now, o.Window);
            var byAccount = Current(AccountKey(account), now, o.Window);
            TimeSpan? wait = null;
            if (byAddress.Count >= o.FailuresPerAddress)
            {
                wait = byAddress.EndsAt - now;
            }

            if (byAccount.Count >= o.FailuresPerAccount && (wait is null || byAccount.EndsAt - now > wait))
            {
                wait = byAccount.EndsAt - now;
            }

            if (wait is { } w)
            {
                return w < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : w;
            }

            byAddress.Count++;
            byAccount.Count++;
            if (_windows.Count > SweepThreshold)
            {
                Sweep(now);
            }

            return null;
        }
    }

    public void Succeeded(string clientAddress, string account)
    {
        lock (_gate)
        {
            foreach (var key in new[] { AddressKey(clientAddress), AccountKey(account) })
            {
                if (_windows.TryGetValue(key, out var window) && window.Count > 0)
                {
                    window.Count--;
                }
            }
        }
    }

    private Window Current(string key, DateTimeOffset now, TimeSpan length)
    {
        if (!_windows.TryGetValue(key, out var window) || window.EndsAt <= now)
        {
            window = new Window { EndsAt = now + length };
            _windows[key] = window;
        }

        return window;
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, window) in _windows)
        {
            if (window.EndsAt <= now)
            {
                _windows.Remove(key);
            }
        }
    }

    private static string AddressKey(string address) => "ip:" + address;

    private static string AccountKey(string account) => "account:" + account.Trim().ToUpperInvariant();

    private sealed class Window
    {
        public int Count { get; set; }
        public DateTimeOffset EndsAt { get; init; }
    }
}
