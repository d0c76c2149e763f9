namespace Library.Domain.Lending;

/// <summary>
/// Days overdue are whole calendar days in the library's time zone between the due day and the day of the given
/// moment; never negative. Returning on the due day is on time, the next library day is 1 day late.
/// </summary>
public static class OverdueDays
{
    public static int Between(DateTimeOffset dueAt, DateTimeOffset at, LibraryCalendar calendar) =>
        Math.Max(0, calendar.DayOf(at).DayNumber - calendar.DayOf(dueAt).DayNumber);
}
