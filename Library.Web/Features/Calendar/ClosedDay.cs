namespace Library.Web.Features.Calendar;

/// <summary>A weekday the library is closed every week (e.g. every Sunday).</summary>
internal sealed class ClosedWeekday
{
    public DayOfWeek Day { get; set; }
}

/// <summary>A date the library is closed (a holiday), in the library's time zone, with an optional note.</summary>
internal sealed class ClosedDate
{
    public const int MaxNoteLength = 200;

    public DateOnly Date { get; set; }
    public string? Note { get; set; }
}
