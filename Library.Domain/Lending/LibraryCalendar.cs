namespace Library.Domain.Lending;

/// <summary>
/// The library's calendar: days turn at midnight in the library's time zone, not in UTC.
/// A due date is one of these days; the loan is due at its last millisecond (<see cref="EndOf"/>).
/// </summary>
public sealed class LibraryCalendar(TimeZoneInfo zone)
{
    public static LibraryCalendar Utc { get; } = new(TimeZoneInfo.Utc);

    public TimeZoneInfo Zone => zone;

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
