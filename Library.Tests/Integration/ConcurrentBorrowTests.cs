using System.Net;
using Library.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Library.Tests.Integration;

public sealed class ConcurrentBorrowTests
{
    [Fact]
    public async Task Fifty_concurrent_borrows_of_five_copies_lend_exactly_five()
    {
        // Throttling is tested on its own; here every request must reach the stock check.
        await using var app = new LibraryApp().With("Lending:Throttle:PerPatronBurst", "1000");
        await app.InitializeAsync();
        var bookId = await app.WithDbAsync(db => db.Books.Where(b => b.TotalCopies >= 5).Select(b => b.Id).FirstAsync());
        await app.PutCopiesOnShelfAsync(bookId, 5);
        var patrons = new List<HttpClient>();
        foreach (var email in new[] { LibraryApp.PatronEmail, LibraryApp.Patron2Email })
        {
            patrons.Add(await app.SignInApiAsync(email, LibraryApp.PatronPassword));
        }

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => patrons[i % 2].BorrowAsync(bookId, 1)));

        Assert.Equal(5, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(45, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var (available, lent) = await app.WithDbAsync(async db => (
            await db.Books.Where(b => b.Id == bookId).Select(b => b.AvailableCopies).SingleAsync(),
            await db.Loans.Where(l => l.BookId == bookId).SumAsync(l => l.Quantity)));
        Assert.Equal(0, available);
        Assert.Equal(5, lent);
    }
}
