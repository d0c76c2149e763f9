using System.Collections.Frozen;
using Library.Domain.Lending;
using Library.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Library.Web.Features.Calendar;

/// <summary>
/// The library's closed days as this node last read them: an immutable snapshot in memory, so <see cref="IsClosed"/> (asked for
/// every due date and every count of days overdue) never touches the database. Loaded at start, reloaded right after a change
/// made on this node (<see cref="ReloadAsync"/>), and refreshed every <see cref="CalendarOptions.RefreshSeconds"/> by
/// <see cref="ClosedDaysRefresher"/> so changes made on other cluster nodes arrive too.
/// </summary>
internal sealed class ClosedDaysSnapshot(IDbContextFactory<LibraryDbContext> dbFactory) : IClosedDays
{
    private sealed record State(FrozenSet<DayOfWeek> Weekdays, FrozenSet<DateOnly> Dates);

    private volatile State _state = new(FrozenSet<DayOfWeek>.Empty, FrozenSet<DateOnly>.Empty);

    public bool IsClosed(DateOnly day)
    {
        var state = _state;
        return state.Weekdays.Contains(day.DayOfWeek) || state.Dates.Contains(day);
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var weekdays = await db.Set<ClosedWeekday>().AsNoTracking().Select(w => w.Day).ToListAsync(cancellationToken);
        var dates = await db.Set<ClosedDate>().AsNoTracking().Select(d => d.Date).ToListAsync(cancellationToken);
        _state = new State(weekdays.ToFrozenSet(), dates.ToFrozenSet());
    }
}

/// <summary>Loads the closed days before the app serves requests, then re-reads them periodically (see <see cref="ClosedDaysSnapshot"/>).</summary>
internal sealed class ClosedDaysRefresher(
    ClosedDaysSnapshot snapshot, Microsoft.Extensions.Options.IOptions<CalendarOptions> options, TimeProvider clock, ILogger<ClosedDaysRefresher> logger)
    : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task? _loop;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await TryReloadAsync(cancellationToken);
        if (options.Value.RefreshSeconds > 0)
        {
            _loop = RefreshAsync(TimeSpan.FromSeconds(options.Value.RefreshSeconds), _stopping.Token);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_loop is not null)
        {
            await _loop.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task RefreshAsync(TimeSpan interval, CancellationToken stopping)
    {
        try
        {
            using var timer = new PeriodicTimer(interval, clock);
            while (await timer.WaitForNextTickAsync(stopping))
            {
                await TryReloadAsync(stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    private async Task TryReloadAsync(CancellationToken cancellationToken)
    {
        try
        {
            await snapshot.ReloadAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The last snapshot stays in force (at start: no closed days) until the next refresh succeeds.
            logger.LogWarning(ex, "Could not read the library's closed days; keeping the previous ones");
        }
    }

    public void Dispose() => _stopping.Dispose();
}
