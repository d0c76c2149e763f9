using Library.Tests.E2E.Pages;
using Library.Tests.TestSupport;
using Library.Web.Features.Catalog;
using Microsoft.Extensions.DependencyInjection;
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

    [Fact]
    public async Task Leaving_a_live_page_ends_its_subscription()
    {
        var notifier = app.Services.GetRequiredService<StockNotifier>();
        var book = await app.BookWithCopiesAsync(1, skip: 13);
        var page = await browser.NewPageAsync(app);
        await page.GotoAsync("/");
        await page.WaitForBlazorAsync();
        var baseline = notifier.SubscriberCount;

        await page.GotoAsync($"/books/{book.Id}");
        await page.WaitForBlazorAsync();
        await WaitUntilAsync(() => notifier.SubscriberCount > baseline);
        var onBookPage = notifier.SubscriberCount;
        await page.GetByRole(AriaRole.Link, new() { Name = "Home" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Welcome to the library");
        await WaitUntilAsync(() => notifier.SubscriberCount < onBookPage);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition());
    }
}
