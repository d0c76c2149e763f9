using Library.Web.Infrastructure.Live;

namespace Library.Web.Components.Shared;

/// <summary>
/// Coalesces bursts of live-update notifications into one reload (at most one every <see cref="Delay"/>),
/// so a busy library does not make an open page query the database on every event.
/// The reload runs in the culture of the component that created it (see <see cref="CapturedCulture"/>).
/// </summary>
public sealed class LiveReload(Func<Task> reload) : IDisposable
{
    private readonly CapturedCulture _culture = CapturedCulture.Current;
    public static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(300);
    private readonly CancellationTokenSource _stop = new();
    private int _pending;

    public Task RequestAsync()
    {
        if (Interlocked.Exchange(ref _pending, 1) == 1)
        {
            return Task.CompletedTask;
        }

        _ = RunAsync();
        return Task.CompletedTask;
    }

    private async Task RunAsync()
    {
        try
        {
            await Task.Delay(Delay, _stop.Token);
            Interlocked.Exchange(ref _pending, 0);
            await _culture.RunAsync(reload);
        }
        catch (Exception)
        {
            // The page went away (circuit closed, component disposed) while a reload was pending: nothing to update.
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }
}
