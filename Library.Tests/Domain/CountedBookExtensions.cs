using Library.Domain.Catalog;
using Library.Domain.Catalog.Copies;
using Library.Domain.Catalog.Rules;
using Library.Domain.Common;

namespace Library.Tests.Domain;

/// <summary>
/// The count-based vocabulary the older domain tests speak (create with N copies, check out N, check in N, set the total),
/// on top of the copy-based Book: copies get barcodes "T1", "T2", …; check-out takes shelf copies, check-in on-loan ones.
/// </summary>
internal static class TestBooks
{
    private static int _next;

    public static Book Create(BookDetails details, int totalCopies, DateTimeOffset now) =>
        Book.Create(details, Barcodes(totalCopies), DateOnly.FromDateTime(now.UtcDateTime), now);

    public static IReadOnlyList<string> Barcodes(int count) =>
        count <= 0 ? [] : Enumerable.Range(0, count).Select(_ => "T" + Interlocked.Increment(ref _next)).ToList();

    public static void CheckOut(this Book book, int quantity, DateTimeOffset now) =>
        book.Lend(quantity, book.Copies.ToList(), Guid.NewGuid(), now);

    public static void CheckIn(this Book book, int quantity, DateTimeOffset now) =>
        book.TakeBack(book.Copies.OrderBy(c => c.Status == CopyStatus.OnLoan ? 0 : 1).Take(quantity).ToList(), now);

    public static void ChangeTotalCopies(this Book book, int newTotal, DateTimeOffset now) =>
        book.ChangeTotalCopies(newTotal, Barcodes(newTotal - book.TotalCopies), book.Copies.Reverse().ToList(), DateOnly.FromDateTime(now.UtcDateTime), now);

    /// <summary>Details and total together, every rule checked before anything changes (as the admin form does in one transaction).</summary>
    public static void Edit(this Book book, BookDetails details, int totalCopies, DateTimeOffset now)
    {
        Book.Create(details, [], DateOnly.FromDateTime(now.UtcDateTime), now);
        foreach (var rule in new IBusinessRule[] { new CopiesCannotBeNegativeRule(totalCopies), new TotalCopiesCannotDropBelowOnLoanRule(totalCopies, book.CopiesOnLoan) })
        {
            if (rule.IsBroken())
            {
                throw new BusinessRuleViolationException(rule);
            }
        }

        book.Edit(details, now);
        book.ChangeTotalCopies(totalCopies, now);
    }
}
