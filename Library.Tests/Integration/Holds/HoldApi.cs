using System.Net;
using System.Net.Http.Json;
using Library.Domain.Catalog.Copies;
using Library.Domain.Lending.Holds;
using Library.Tests.Admin;
using Library.Tests.Integration.Copies;
using Library.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Library.Tests.Integration.Holds;

/// <summary>The holds API as a client sees it, and what the database says about holds and the hold shelf.</summary>
internal static class HoldApi
{
    public sealed record Hold(Guid Id, int BookId, string Status, int Position, DateTimeOffset? ReadyUntil, string Title);

    public sealed record BookWithHolds(int Id, int TotalCopies, int AvailableCopies, int HoldsWaiting, int OnHoldShelf);

    public sealed record HoldsDashboard(int BooksOnLoan, long AccumulatedFees, int OverdueLoans, int HoldsWaiting, int HoldsReady);

    public static Task<HttpResponseMessage> PlaceHoldAsync(this HttpClient patron, int bookId) =>
        patron.PostAsJsonAsync("/api/holds", new { bookId });

    public static async Task<Hold> PlaceHoldNewAsync(this HttpClient patron, int bookId)
    {
        var response = await patron.PlaceHoldAsync(bookId);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<Hold>();
    }

    public static Task<List<Hold>> MyHoldsAsync(this HttpClient patron) => patron.GetJsonAsync<List<Hold>>("/api/me/holds");

    public static async Task<Hold> MyHoldOnAsync(this HttpClient patron, int bookId) =>
        Assert.Single(await patron.MyHoldsAsync(), h => h.BookId == bookId);

    public static Task<BookWithHolds> BookAsync(this HttpClient client, int bookId) => client.GetJsonAsync<BookWithHolds>($"/api/books/{bookId}");

    /// <summary>Every copy on the hold shelf is held by exactly one ready hold (and the other way round); the title counts them.</summary>
    public static async Task AssertHoldShelfMatchesHoldsAsync(this LibraryApp app)
    {
        await app.AssertCountersMatchCopiesAsync();
        var problems = await app.WithDbAsync(async db =>
        {
            var list = new List<string>();
            list.AddRange(await db.Books
                .Where(b => b.OnHoldShelfCopies != db.Copies.Count(c => c.BookId == b.Id && c.Status == CopyStatus.OnHoldShelf))
                .Select(b => $"book {b.Id} counts {b.OnHoldShelfCopies} on the hold shelf").ToListAsync());
            list.AddRange(await db.Copies.Where(c => c.Status == CopyStatus.OnHoldShelf
                    && db.Holds.Count(h => h.CopyId == c.Id && h.Status == HoldStatus.Ready) != 1)
                .Select(c => $"copy {c.Barcode} is on the hold shelf without exactly one ready hold").ToListAsync());
            list.AddRange(await db.Holds.Where(h => h.Status == HoldStatus.Ready
                    && !db.Copies.Any(c => c.Id == h.CopyId && c.Status == CopyStatus.OnHoldShelf && c.BookId == h.BookId))
                .Select(h => $"ready hold {h.Id} has no copy of its title on the hold shelf").ToListAsync());
            list.AddRange(await db.Books.Where(b => b.AvailableCopies > 0 && db.Holds.Any(h => h.BookId == b.Id && h.Status == HoldStatus.Waiting))
                .Select(b => $"book {b.Id} has copies on the shelf while holds wait").ToListAsync());
            return list;
        });
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
