namespace Library.Domain.Lending;

/// <param name="LoanPeriodDays">Library days after the day of borrowing; the loan is due at the end of the last one.</param>
public sealed record LendingPolicy(int LoanPeriodDays, int MaxCopiesOnLoan, LibraryCalendar Calendar)
{
    public static LendingPolicy Default { get; } = new(14, 10, LibraryCalendar.Utc);

    /// <summary>
    /// The end of the library day <see cref="LoanPeriodDays"/> days after the day of <paramref name="borrowedAt"/>; when the
    /// library is closed that day, the end of the next open day (<see cref="LibraryCalendar.NextOpenDay"/>).
    /// </summary>
    public DateTimeOffset DueAtFor(DateTimeOffset borrowedAt) =>
        Calendar.EndOf(Calendar.NextOpenDay(Calendar.DayOf(borrowedAt).AddDays(LoanPeriodDays)));
}
