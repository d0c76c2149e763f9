using Library.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace Library.Tests.Cluster;

/// <summary>A Blazor page open on node B follows a borrow handled by node A (the Redis relay feeds B's notifiers).</summary>
[Trait(TestStore.Trait, TestStore.PostgreSqlOnly)]
[Collection(BrowserCollection.Name)]
public sealed class CrossNodeBrowserTests(BrowserFixture browser, ClusterNodes nodes) : IClassFixture<ClusterNodes>
{
    [Fact]
    public async Task A_book_page_on_node_B_shows_none_left_when_node_A_lends_the_last_copy()
    {
        var id = await nodes.A.WithDbAsync(db => db.Books.OrderBy(b => b.Id).Select(b => b.Id).Skip(2).FirstAsync());
        var (total, available) = await nodes.A.PutCopiesOnShelfAsync(id, 2);
        var book = new { Id = id, TotalCopies = total, AvailableCopies = available };
        var watcher = await browser.NewPageAsync(nodes.B);
        await watcher.GotoAsync($"/books/{book.Id}");
        await Expect(watcher.GetByTestId("book-availability")).ToContainTextAsync($"{book.AvailableCopies} of {book.TotalCopies} available");
        await watcher.WaitForBlazorAsync();
        using var patron = await nodes.A.SignInPatronAsync();

        Assert.Equal(System.Net.HttpStatusCode.Created, (await patron.BorrowAsync(book.Id, book.AvailableCopies)).StatusCode);

        await Expect(watcher.GetByTestId("book-availability")).ToContainTextAsync($"None left of {book.TotalCopies}");
    }
}
