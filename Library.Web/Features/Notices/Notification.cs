namespace Library.Web.Features.Notices;

public enum NoticeKind
{
    /// <summary>A loan passed its due date (BookExpired).</summary>
    LoanOverdue = 1,

    /// <summary>A late return was charged (LateFeeCharged).</summary>
    LateFeeCharged = 2,

    /// <summary>A held copy waits on the hold shelf for the patron until a deadline (HoldReady).</summary>
    HoldReady = 3,

    /// <summary>A ready hold was not picked up in time (HoldExpired).</summary>
    HoldExpired = 4,

    /// <summary>A loan is due in a few days (due-soon reminder job).</summary>
    DueSoon = 5,

    /// <summary>A loan was renewed automatically on its due date (auto-renewal job).</summary>
    LoanAutoRenewed = 6,

    /// <summary>A librarian cancelled the patron's hold, with a reason (HoldCancelled).</summary>
    HoldCancelled = 7,
}

/// <summary>
/// A notice to a patron: shown in the app (unread until marked read) and e-mailed once. It stores the facts, not
/// the text, so the app shows it in the reader's language. Its id is the id of the event it came from, so an event
/// can only ever make one notice. The e-mail columns make it its own small outbox: sent after commit, outside the
/// database write lock, retried with backoff, parked with the last error after too many failures.
/// </summary>
internal sealed class Notification
{
    public Guid Id { get; set; }
    public string PatronId { get; set; } = string.Empty;
    public NoticeKind Kind { get; set; }
    public int BookId { get; set; }
    public string BookTitle { get; set; } = string.Empty;
    public int Quantity { get; set; }
    public int DaysOverdue { get; set; }

    /// <summary>Fee charged (LateFeeCharged), or the fee a return would have cost when the loan became overdue.</summary>
    public long Amount { get; set; }
    /// <summary>The due date (overdue), or the pickup deadline (hold ready).</summary>
    public DateTimeOffset? DueAt { get; set; }

    /// <summary>
    /// HoldCancelled: the librarian's reason, told to the patron. DueSoon: null when the library does not auto-renew;
    /// <see cref="WillAutoRenew"/> when the loan will be renewed on its due day; otherwise the rule code saying why it will
    /// not be (e.g. RenewalLimitReached, AutoRenewOptedOut).
    /// </summary>
    public string? Reason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }

    public const string WillAutoRenew = "WillAutoRenew";

    public string? EmailTo { get; set; }
    public DateTimeOffset? EmailSentAt { get; set; }
    public int EmailAttempts { get; set; }
    public DateTimeOffset? EmailNextAttemptAt { get; set; }
    public DateTimeOffset? EmailFailedAt { get; set; }
    public string? EmailLastError { get; set; }
}

/// <summary>A notice as pages and the API show it.</summary>
public sealed record NoticeView(
    Guid Id, NoticeKind Kind, int BookId, string BookTitle, int Quantity, int DaysOverdue, long Amount,
    DateTimeOffset? DueAt, DateTimeOffset CreatedAt, bool IsRead, string? Reason = null);
