namespace Library.Web.Features.Dashboard;

internal enum ActivityKind
{
    Borrowed = 0,
    Returned = 1,
    BecameOverdue = 2,
    FeeCharged = 3,
    FeeSettled = 4,
    BorrowCancelled = 5,
    Renewed = 6,
}

/// <summary>Read model for a patron's "recent activity" list; one row per event, keyed by the event id.</summary>
internal sealed class ActivityEntry
{
    public Guid Id { get; set; }
    public string PatronId { get; set; } = string.Empty;
    public ActivityKind Kind { get; set; }
    public int? BookId { get; set; }
    public int Quantity { get; set; }
    public long Amount { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
}
