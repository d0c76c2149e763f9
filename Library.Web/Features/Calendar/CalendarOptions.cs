namespace Library.Web.Features.Calendar;

public sealed class CalendarOptions
{
    public const string Section = "Calendar";

    /// <summary>
    /// How often (seconds) each node re-reads the closed days, so a change made on another cluster node reaches this one.
    /// A change made on this node is seen at once. 0 or less: never (single node).
    /// </summary>
    public int RefreshSeconds { get; set; } = 60;
}
