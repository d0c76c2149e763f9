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

    [Fact]
    public async Task The_dashboard_and_my_loans_follow_borrows_made_elsewhere_without_reload()
    {
        var dashboard = await browser.NewPageAsync(app);
        await dashboard.SignInAsync(LibraryApp.Patron2Email, LibraryApp.PatronPassword, "/dashboard");
        await dashboard.WaitForBlazorAsync();
        var loans = await browser.NewPageAsync(app);
        await loans.SignInAsync(LibraryApp.Patron2Email, LibraryApp.PatronPassword, "/my-loans");
        await loans.WaitForBlazorAsync();
        var before = int.Parse(await dashboard.GetByTestId("books-on-loan").InnerTextAsync());
        var book = await app.BookWithCopiesAsync(2, skip: 11);
        using var api = await app.SignInApiAsync(LibraryApp.Patron2Email, LibraryApp.PatronPassword);

        await api.BorrowAsync(book.Id, 2);

        await Expect(dashboard.GetByTestId("books-on-loan")).ToHaveTextAsync((before + 2).ToString());
        await Expect(dashboard.GetByTestId("activity-list")).ToContainTextAsync($"Borrowed 2 × “{book.Title}”");
        await Expect(new MyLoansPage(loans).Row(book.Title)).ToContainTextAsync("2 of 2");
    }
}
