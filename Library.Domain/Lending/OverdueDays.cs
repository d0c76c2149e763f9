namespace Library.Domain.Lending;

/// <summary>Days overdue are whole calendar days (UTC) between the due date and the given moment; never negative.</summary>
public static class OverdueDays
{
    public static int Between(DateTimeOffset dueAt, DateTimeOffset at)
    {
        var days = (DateOnly.FromDateTime(at.UtcDateTime).DayNumber - DateOnly.FromDateTime(dueAt.UtcDateTime).DayNumber);
        return Math.Max(0, days);
    }
}
