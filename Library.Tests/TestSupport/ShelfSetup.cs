using Library.Domain.Catalog.Copies;
using Library.Web.Features.Catalog.Copies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Library.Tests.TestSupport;

/// <summary>
/// Gives a title exactly <c>n</c> copies on the shelf, as a librarian's edit of its total would: new copies get barcodes,
/// surplus shelf copies are withdrawn, so the counters and the copies agree (raw counter updates would not).
/// </summary>
public static class ShelfSetup
{
    public static async Task<(int TotalCopies, int AvailableCopies)> PutCopiesOnShelfAsync(this LibraryApp app, int bookId, int n)
    {
        var counts = await app.WithDbAsync(async db =>
        {
            var book = await db.Books.SingleAsync(b => b.Id == bookId);
            var total = book.CopiesOnLoan + n;
            var growth = Math.Max(0, total - book.TotalCopies);
            var labels = growth > 0 ? await app.Services.GetRequiredService<CopyBarcodes>().NextAsync(db, growth, CancellationToken.None) : [];
            var shelf = await db.Copies.Where(c => c.BookId == bookId && c.Status == CopyStatus.Available)
                .OrderByDescending(c => c.Id).ToListAsync();
            var now = DateTimeOffset.UtcNow;
            book.ChangeTotalCopies(total, labels, shelf, DateOnly.FromDateTime(now.UtcDateTime), now);
            await db.SaveChangesAsync();
            return (book.TotalCopies, book.AvailableCopies);
        });
        // The edit's stock event is delivered before the test starts listening.
        await app.WaitForOutboxAsync();
        return counts;
    }
}
