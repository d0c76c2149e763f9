namespace Library.Domain.Lending;

/// <summary>
/// The library's calendar: days turn at midnight in the library's time zone, not in UTC.
/// A due date is one of these days; the loan is due at its last millisecond (<see cref="EndOf"/>).
/// Some days the library is closed (<see cref="IClosedDays"/>): due dates and pickup deadlines move to the next open day.
/// </summary>
/// <param name="skipClosedDaysWhenOverdue">
/// <c>Fines:SkipClosedDays</c>: true (the default) when closed days do not count as days overdue (<see cref="OverdueDays"/>);
/// false when every calendar day counts.
/// </param>
public sealed class LibraryCalendar(TimeZoneInfo zone, IClosedDays? closedDays = null, bool skipClosedDaysWhenOverdue = true)
{
    /// <summary>No library stays closed longer than this; a calendar closed every day still gives an answer.</summary>
    private const int MaxClosedRun = 366;

    public static LibraryCalendar Utc { get; } = new(TimeZoneInfo.Utc);

    public TimeZoneInfo Zone => zone;

    /// <summary>True when closed days are not counted as days overdue (<c>Fines:SkipClosedDays</c>).</summary>
    public bool SkipsClosedDaysWhenOverdue => skipClosedDaysWhenOverdue;

    public bool IsOpen(DateOnly day) => closedDays?.IsClosed(day) != true;

    /// <summary>The day itself when the library is open that day, else the next open day.</summary>
    public DateOnly NextOpenDay(DateOnly day)
    {
        for (var i = 0; i < MaxClosedRun && !IsOpen(day); i++)
        {
            day = day.AddDays(1);
        }

        return day;
    }

    /// <summary>The <paramref name="openDays"/>-th open day after <paramref name="day"/> (0: the next open day from it).</summary>
    public DateOnly AddOpenDays(DateOnly day, int openDays)
    {
        var result = NextOpenDay(day);
        for (var i = 0; i < openDays; i++)
        {
            result = NextOpenDay(result.AddDays(1));
        }

        return result;
    }

    /// <summary>Open days after <paramref name="from"/> up to and including <paramref name="to"/> (0 when to ≤ from).</summary>
    public int OpenDaysBetween(DateOnly from, DateOnly to)
    {
        if (closedDays is null)
        {
            return Math.Max(0, to.DayNumber - from.DayNumber);
        }

        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            count += IsOpen(day) ? 1 : 0;
        }

        return count;
    }

    public DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>The first instant of the day (local midnight), in UTC.</summary>
    public DateTimeOffset StartOf(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight)).ToUniversalTime();
    }

    /// <summary>
    /// The last instant of the day, in UTC: one millisecond before the next local midnight
    /// (a millisecond survives every store's precision, so the stored value is exactly this one).
    /// </summary>
    public DateTimeOffset EndOf(DateOnly day) => StartOf(day.AddDays(1)).AddMilliseconds(-1);

    /// <summary>The start of the library day an instant falls on ("today" for the clock's now).</summary>
    public DateTimeOffset StartOfDayOf(DateTimeOffset instant) => StartOf(DayOf(instant));

    /// <summary>The end of the library day an instant falls on.</summary>
    public DateTimeOffset EndOfDayOf(DateTimeOffset instant) => EndOf(DayOf(instant));
}
