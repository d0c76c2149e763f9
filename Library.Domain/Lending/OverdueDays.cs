namespace Library.Domain.Lending;

/// <summary>
/// Days overdue are whole library days in the library's time zone between the due day and the day of the given
/// moment; never negative. Returning on the due day is on time, the next library day is 1 day late. When the calendar
/// skips closed days (<see cref="LibraryCalendar.SkipsClosedDaysWhenOverdue"/>, <c>Fines:SkipClosedDays</c>), only open days
/// after the due day count (a closed holiday inside the overdue period, or a return on a closed day, adds nothing);
/// otherwise every calendar day counts. This is the one place days overdue are counted.
/// </summary>
public static class OverdueDays
{
    public static int Between(DateTimeOffset dueAt, DateTimeOffset at, LibraryCalendar calendar)
    {
        var dueDay = calendar.DayOf(dueAt);
        var day = calendar.DayOf(at);
        return calendar.SkipsClosedDaysWhenOverdue
            ? calendar.OpenDaysBetween(dueDay, day)
            : Math.Max(0, day.DayNumber - dueDay.DayNumber);
    }
}
