using Library.Domain.Catalog;
using Library.Domain.Lending;

namespace Library.Tests.Domain;

/// <summary>Fixed moments and small builders, so domain tests never read the real clock.</summary>
internal static class DomainTestData
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

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

    public static Book NewBook(int totalCopies = 5) => Book.Create(Details(), totalCopies, T0);

    public static Loan NewLoan(int quantity = 3, int copiesAlreadyOnLoan = 0, LendingPolicy? policy = null) =>
        Loan.Borrow(PatronId, BookId, quantity, copiesAlreadyOnLoan, policy ?? LendingPolicy.Default, T0);
}
