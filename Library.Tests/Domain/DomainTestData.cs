using Library.Domain.Catalog;
using Library.Domain.Lending;

namespace Library.Tests.Domain;

/// <summary>Fixed moments and small builders, so domain tests never read the real clock.</summary>
internal static class DomainTestData
{
    /// <summary>10:00 UTC = 19:00 in Seoul, on 2 March 2026 in both zones.</summary>
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    /// <summary>The library's calendar in the tests: Asia/Seoul (UTC+9, no daylight saving), the default.</summary>
    public static readonly LibraryCalendar Seoul = new(TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul"));

    /// <summary>14 days, 10 copies, Seoul days.</summary>
    public static readonly LendingPolicy Policy = new(14, 10, Seoul);

    /// <summary>The end of a Seoul calendar day in March 2026 (23:59:59.999 KST = 14:59:59.999 UTC).</summary>
    public static DateTimeOffset EndOfSeoulDay(int marchDay) => new DateTimeOffset(2026, 3, marchDay, 15, 0, 0, TimeSpan.Zero).AddMilliseconds(-1);

    public const string PatronId = "patron-1";
    public const int BookId = 42;
    public const string ValidIsbn13 = "9780306406157";

    public static DateTimeOffset Days(int days) => T0.AddDays(days);

    public static BookDetails Details(
        string title = "Domain-Driven Design",
        string author = "Eric Evans",
        string isbn = ValidIsbn13,
        string? publisher = "Addison-Wesley",
        int? year = 2003,
        string? description = null) =>
        new(title, author, isbn, publisher, year, description);

    public static Book NewBook(int totalCopies = 5) => TestBooks.Create(Details(), totalCopies, T0);

    public static Loan NewLoan(int quantity = 3, int copiesAlreadyOnLoan = 0, LendingPolicy? policy = null) =>
        Loan.Borrow(PatronId, BookId, quantity, copiesAlreadyOnLoan, policy ?? Policy, T0);
}
