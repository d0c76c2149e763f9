namespace Library.Domain.Lending;

/// <summary>Where a renewal's new loan period starts.</summary>
public enum RenewFrom
{
    /// <summary>One loan period after the current due date (the default).</summary>
    DueDate = 0,

    /// <summary>One loan period after the day of the renewal.</summary>
    Today = 1,
}

/// <param name="LoanPeriodDays">Days a renewal adds (the loan period).</param>
/// <param name="MaxRenewals">Renewals allowed per loan.</param>
/// <param name="OverdueGraceDays">Days overdue a loan may still be renewed (0: an overdue loan cannot be renewed).</param>
public sealed record RenewalPolicy(int LoanPeriodDays, int MaxRenewals, int OverdueGraceDays, RenewFrom From, LibraryCalendar Calendar)
{
    public static RenewalPolicy Default { get; } = new(14, 2, 0, RenewFrom.DueDate, LibraryCalendar.Utc);

    /// <summary>
    /// The new due date of a loan due at <paramref name="dueAt"/> renewed at <paramref name="now"/>: one loan period after the
    /// due day (or today), moved to the next open day, and never earlier than the current due date.
    /// </summary>
    public DateTimeOffset NewDueAt(DateTimeOffset dueAt, DateTimeOffset now)
    {
        var from = From == RenewFrom.Today ? Calendar.DayOf(now) : Calendar.DayOf(dueAt);
        var day = Calendar.NextOpenDay(from.AddDays(LoanPeriodDays));
        var current = Calendar.DayOf(dueAt);
        return Calendar.EndOf(day > current ? day : current);
    }
}

/// <summary>What the loan cannot know about itself, as the service found it when renewing.</summary>
/// <param name="PatronBlocked">The patron's card is blocked.</param>
/// <param name="BlockedReason">The librarian's reason for the block.</param>
/// <param name="WaitedForByOthers">Another patron waits for the title and no copy is free for them.</param>
public sealed record RenewalCircumstances(bool PatronBlocked, string? BlockedReason, bool WaitedForByOthers)
{
    public static RenewalCircumstances None { get; } = new(false, null, false);
}
