using System.Net;
using Library.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Library.Tests.Integration;

public sealed class OverDemandTests
{
    [Fact]
    public async Task Asking_for_more_copies_than_remain_is_cancelled_recorded_and_explained_and_lends_nothing()
    {
        await using var app = new LibraryApp();
        await app.InitializeAsync();
        using var patron = await app.SignInPatronAsync();
        var book = await patron.FindBookWithCopiesAsync(2);

        var response = await patron.BorrowAsync(book.Id, book.AvailableCopies + 1);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.ReadAsync<Api.Problem>();
        Assert.Equal("BookMustHaveEnoughCopies", problem.Rule);
        Assert.Contains(book.AvailableCopies.ToString(), problem.Detail);
        await app.WaitForOutboxAsync();
        var (available, loans, cancelled, activity) = await app.WithDbAsync(async db => (
            await db.Books.Where(b => b.Id == book.Id).Select(b => b.AvailableCopies).SingleAsync(),
            await db.Loans.CountAsync(l => l.BookId == book.Id),
            await db.OutboxMessages.CountAsync(m => m.Type == "lending.borrow-cancelled"),
            await db.ActivityEntries.CountAsync(a => a.BookId == book.Id && a.Kind == Library.Web.Features.Dashboard.ActivityKind.BorrowCancelled)));
        Assert.Equal(book.AvailableCopies, available);
        Assert.Equal(0, loans);
        Assert.Equal(1, cancelled);
        Assert.Equal(1, activity);
    }
}
