using Library.Tests.E2E.Pages;
using Library.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Library.Tests.E2E;

[Collection(BrowserCollection.Name)]
public sealed class LiveStockTests(BrowserFixture browser, LibraryApp app) : IClassFixture<LibraryApp>
{
    [Fact]
    public async Task A_borrow_in_one_browser_updates_the_book_page_and_the_catalogue_in_others_without_reload()
    {
        var book = await app.BookWithCopiesAsync(3);
        var borrower = await browser.NewPageAsync(app);
        await borrower.SignInAsync(LibraryApp.PatronEmail, LibraryApp.PatronPassword, $"/books/{book.Id}");
        var watcher = await browser.NewPageAsync(app);
        await watcher.GotoAsync($"/books/{book.Id}");
        var catalogue = await browser.NewPageAsync(app);
        await catalogue.GotoAsync($"/catalogue?q={Uri.EscapeDataString(book.Isbn)}");
        var before = $"{book.AvailableCopies} of {book.TotalCopies} available";
        await Expect(watcher.GetByTestId("book-availability")).ToContainTextAsync(before);
        await Expect(catalogue.GetByTestId($"stock-{book.Id}")).ToContainTextAsync(before);
        await watcher.EvaluateAsync("() => window.__notReloaded = true");
        await catalogue.EvaluateAsync("() => window.__notReloaded = true");

        await new BookPage(borrower).BorrowAsync(2);

        var after = $"{book.AvailableCopies - 2} of {book.TotalCopies} available";
        await Expect(watcher.GetByTestId("book-availability")).ToContainTextAsync(after);
        await Expect(catalogue.GetByTestId($"stock-{book.Id}")).ToContainTextAsync(after);
        Assert.True(await watcher.EvaluateAsync<bool>("() => window.__notReloaded === true"));
        Assert.True(await catalogue.EvaluateAsync<bool>("() => window.__notReloaded === true"));
    }

    [Fact]
    public async Task Taking_the_last_copies_shows_none_left_everywhere_and_disables_borrowing()
    {
        var book = await app.BookWithCopiesAsync(1, skip: 5);
        var watcher = await browser.NewPageAsync(app);
        await watcher.SignInAsync(LibraryApp.Patron2Email, LibraryApp.PatronPassword, $"/books/{book.Id}");
        await Expect(watcher.GetByTestId("borrow-button")).ToBeEnabledAsync();
        using var patron = await app.SignInPatronAsync();

        await patron.BorrowAsync(book.Id, book.AvailableCopies);

        await Expect(watcher.GetByTestId("book-availability")).ToContainTextAsync($"None left of {book.TotalCopies}");
        await Expect(watcher.GetByTestId("borrow-none-left")).ToBeVisibleAsync();
        await Expect(watcher.GetByTestId("borrow-button")).ToBeDisabledAsync();
    }
}
