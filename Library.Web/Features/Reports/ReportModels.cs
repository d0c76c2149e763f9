namespace Library.Web.Features.Reports;

/// <summary>Loans started and returns recorded on one library day (a return of several copies at once counts once).</summary>
public sealed record DayActivity(DateOnly Day, int Loans, int Returns);

/// <summary>Loans started in one library-local hour of the week over the period (<see cref="Hour"/> 0-23).</summary>
public sealed record HourOfWeek(DayOfWeek Day, int Hour, int Loans);

public sealed record TopTitle(int Rank, int BookId, string Title, string Author, int Loans);

/// <summary>Loans overdue at the end of a library day: due before that day began and not yet returned when it ended.</summary>
public sealed record OverdueDay(DateOnly Day, int Overdue);

/// <summary>Fees charged, paid and waived in one library-local month (whole won); settled fees count in the month they were settled.</summary>
public sealed record FeeMonth(int Year, int Month, long Charged, long Paid, long Waived);

public sealed record NeverBorrowedTitle(int BookId, string Title, string Author, string Isbn, int? Year);

public sealed record NeverBorrowedPage(int TotalCount, int Page, int PageSize, IReadOnlyList<NeverBorrowedTitle> Items);
