using Library.Domain.Lending.Rules;
using Library.Web.Features.Admin.Audit;
using Library.Web.Features.Calendar;
using Library.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Library.Web.Features.Admin.Calendar;

public sealed record ClosedDateDto(DateOnly Date, string? Note);

/// <summary>The library's closed days: weekdays closed every week (Sunday first) and closed dates (oldest first).</summary>
public sealed record LibraryCalendarDto(IReadOnlyList<DayOfWeek> ClosedWeekdays, IReadOnlyList<ClosedDateDto> ClosedDates);

/// <summary>
/// Keeps the library's closed weekdays and closed dates (librarians, audited). Each change is one write transaction; right
/// after it commits this node's <see cref="ClosedDaysSnapshot"/> is reloaded, so the next due date already sees it (other
/// nodes see it at their next refresh). Loans already made keep their due dates.
/// </summary>
internal sealed class CalendarAdminService(
    DbWriter writer, AuditLog audit, IDbContextFactory<LibraryDbContext> dbFactory, ClosedDaysSnapshot snapshot)
{
    public async Task<LibraryCalendarDto> GetAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ReadAsync(db, ct);
    }

    /// <summary>Replaces the closed weekdays (audited once when they changed).</summary>
    public Task<LibraryCalendarDto> SetClosedWeekdaysAsync(IEnumerable<DayOfWeek> weekdays, Actor actor, CancellationToken ct) =>
        ChangeAsync(async (db, token) => await SetWeekdaysAsync(db, weekdays.Distinct().ToList(), actor, token), ct);

    /// <summary>Closes a date, or changes the note of a date already closed.</summary>
    public Task<LibraryCalendarDto> CloseDateAsync(DateOnly date, string? note, Actor actor, CancellationToken ct) =>
        ChangeAsync(async (db, token) => await CloseAsync(db, date, note, actor, token), ct);

    /// <exception cref="NotFoundException">The date is not closed.</exception>
    public Task<LibraryCalendarDto> ReopenDateAsync(DateOnly date, Actor actor, CancellationToken ct) =>
        ChangeAsync(async (db, token) =>
        {
            var closed = await db.Set<ClosedDate>().SingleOrDefaultAsync(d => d.Date == date, token)
                         ?? throw new NotFoundException("Closed date", date);
            Reopen(db, closed, actor);
        }, ct);

    /// <summary>Makes the calendar exactly <paramref name="calendar"/> (the API's PUT): each difference is one audit entry.</summary>
    public Task<LibraryCalendarDto> ReplaceAsync(LibraryCalendarDto calendar, Actor actor, CancellationToken ct) =>
        ChangeAsync(async (db, token) =>
        {
            await SetWeekdaysAsync(db, calendar.ClosedWeekdays.Distinct().ToList(), actor, token);
            var wanted = calendar.ClosedDates.DistinctBy(d => d.Date).ToDictionary(d => d.Date);
            foreach (var closed in await db.Set<ClosedDate>().ToListAsync(token))
            {
                if (!wanted.ContainsKey(closed.Date))
                {
                    Reopen(db, closed, actor);
                }
            }

            foreach (var date in wanted.Values)
            {
                await CloseAsync(db, date.Date, date.Note, actor, token);
            }
        }, ct);

    private async Task<LibraryCalendarDto> ChangeAsync(Func<LibraryDbContext, CancellationToken, Task> change, CancellationToken ct)
    {
        var result = await writer.ExecuteAsync(async (db, token) =>
        {
            await change(db, token);
            await db.SaveChangesAsync(token);
            return await ReadAsync(db, token);
        }, ct);
        await snapshot.ReloadAsync(ct);
        return result;
    }

    private async Task SetWeekdaysAsync(LibraryDbContext db, List<DayOfWeek> weekdays, Actor actor, CancellationToken ct)
    {
        AdminRules.Check(new LibraryMustOpenOnSomeWeekdayRule(weekdays.Count));
        var rows = await db.Set<ClosedWeekday>().ToListAsync(ct);
        var before = rows.Select(r => r.Day).Order().ToList();
        var after = weekdays.Order().ToList();
        if (before.SequenceEqual(after))
        {
            return;
        }

        db.Set<ClosedWeekday>().RemoveRange(rows.Where(r => !after.Contains(r.Day)));
        db.Set<ClosedWeekday>().AddRange(after.Except(before).Select(d => new ClosedWeekday { Day = d }));
        audit.Record(db, actor, AuditActions.CalendarWeekdaysChanged, "weekdays", string.Join(", ", after), before, after);
    }

    private async Task CloseAsync(LibraryDbContext db, DateOnly date, string? note, Actor actor, CancellationToken ct)
    {
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        note = note is { Length: > ClosedDate.MaxNoteLength } ? note[..ClosedDate.MaxNoteLength] : note;
        var closed = await db.Set<ClosedDate>().SingleOrDefaultAsync(d => d.Date == date, ct);
        if (closed is null)
        {
            db.Set<ClosedDate>().Add(new ClosedDate { Date = date, Note = note });
            audit.Record(db, actor, AuditActions.CalendarDateClosed, Key(date), note, null, new ClosedDateDto(date, note));
        }
        else if (closed.Note != note)
        {
            var before = new ClosedDateDto(date, closed.Note);
            closed.Note = note;
            audit.Record(db, actor, AuditActions.CalendarDateChanged, Key(date), note, before, new ClosedDateDto(date, note));
        }
    }

    private void Reopen(LibraryDbContext db, ClosedDate closed, Actor actor)
    {
        db.Set<ClosedDate>().Remove(closed);
        audit.Record(db, actor, AuditActions.CalendarDateReopened, Key(closed.Date), closed.Note, new ClosedDateDto(closed.Date, closed.Note), null);
    }

    private static string Key(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<LibraryCalendarDto> ReadAsync(LibraryDbContext db, CancellationToken ct)
    {
        var weekdays = await db.Set<ClosedWeekday>().AsNoTracking().Select(w => w.Day).ToListAsync(ct);
        var dates = await db.Set<ClosedDate>().AsNoTracking().OrderBy(d => d.Date).Select(d => new ClosedDateDto(d.Date, d.Note)).ToListAsync(ct);
        return new LibraryCalendarDto(weekdays.Order().ToList(), dates);
    }
}
