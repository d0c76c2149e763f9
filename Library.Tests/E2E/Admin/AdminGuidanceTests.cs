using Library.Tests.Admin;
using Library.Tests.E2E.Pages;
using Library.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Library.Tests.E2E.Admin;

/// <summary>The admin pages tell the librarian what will happen and why, and let an archive be undone.</summary>
[Collection(SecondBrowserCollection.Name)]
public sealed class AdminGuidanceTests(BrowserFixture browser, LibraryApp app) : IClassFixture<LibraryApp>
{
    private const string BadIsbnMessage = "This is not a valid ISBN-10 or ISBN-13: check the digits.";

    [Fact]
    public async Task A_second_bad_ISBN_in_the_book_dialog_shows_its_message_again()
    {
        var page = await LibrarianSession.OpenAsync(browser, app, "/admin/books");
        await page.WaitForRowsAsync("books-grid");
        await page.GetByTestId("add-book").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Title", new() { Exact = true }).FillAsync("Second ISBN " + Guid.NewGuid().ToString("N")[..6]);
        await dialog.GetByLabel("Author", new() { Exact = true }).FillAsync("Someone");
        var isbn = dialog.GetByLabel("ISBN", new() { Exact = true });
        await isbn.FillAsync("978-0-306-40615-8");
        await dialog.GetByTestId("save-book").ClickAsync();
        await Expect(dialog.GetByText(BadIsbnMessage)).ToBeVisibleAsync();

        await isbn.FillAsync("9780306406159");
        await dialog.GetByTestId("save-book").ClickAsync();

        await Expect(dialog.GetByText(BadIsbnMessage)).ToBeVisibleAsync();
        await Expect(dialog).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Archive_offers_Undo_which_puts_the_book_back_in_the_catalogue()
    {
        using var librarian = await app.SignInLibrarianAsync();
        var book = await librarian.CreateBookAsync();
        var page = await OpenBookRowAsync(book.Title);

        await page.GetByRole(AriaRole.Button, new() { Name = $"Archive {book.Title}" }).ClickAsync();
        var snackbar = page.Snackbar().Filter(new() { HasText = "is archived" });
        await Expect(snackbar).ToBeVisibleAsync();
        Assert.True(await IsArchivedAsync(book.Id));
        await snackbar.GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();

        await Expect(page.Snackbar().Filter(new() { HasText = "is back in the catalogue" })).ToBeVisibleAsync();
        Assert.False(await IsArchivedAsync(book.Id));
    }

    [Fact]
    public async Task Delete_is_off_for_a_book_with_copies_on_loan_and_says_to_archive_instead()
    {
        using var librarian = await app.SignInLibrarianAsync();
        using var patron = await app.NewPatronAsync();
        var book = await librarian.CreateBookAsync();
        await patron.Client.BorrowNewAsync(book.Id);
        var page = await OpenBookRowAsync(book.Title);

        var delete = page.GetByRole(AriaRole.Button, new() { Name = $"Delete {book.Title}" });
        await Expect(delete).ToBeDisabledAsync();
        await Expect(delete).ToHaveAttributeAsync("aria-description", "Cannot delete while copies are on loan (1). Archive it instead.");
        await page.GetByTestId("delete-off-reason").HoverAsync();
        await Expect(page.Locator(".mud-tooltip").Filter(new() { HasText = "Archive it instead." })).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData("en-US", 1366)]
    [InlineData("ko-KR", 1366)]
    [InlineData("en-US", 375)]
    [InlineData("ko-KR", 375)]
    public async Task Books_audit_and_jobs_pages_read_well(string locale, int width)
    {
        using var librarian = await app.SignInLibrarianAsync();
        using var patron = await app.NewPatronAsync();
        var book = await librarian.CreateBookAsync();
        var loan = await patron.Client.BorrowNewAsync(book.Id);
        (await librarian.SetDueDateAsync(loan.Id, app.Clock.GetUtcNow().AddDays(21))).EnsureSuccessStatusCode();
        var language = locale[..2];

        var books = await LibrarianSession.OpenAsync(browser, app, "/admin/books", locale, width);
        await books.WaitForRowsAsync("books-grid");
        if (width > 1000)
        {
            // The whole actions column is on screen without scrolling the grid.
            var lastAction = books.GetByTestId("books-grid").Locator("tbody tr.mud-table-row").First.GetByRole(AriaRole.Button).Last;
            var box = await lastAction.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.X + box.Width <= width, $"the last action ends at {box.X + box.Width} px of {width}");
        }

        await books.SaveScreenshotAsync($"guidance-admin-books-{language}-{width}");

        var audit = await LibrarianSession.OpenAsync(browser, app, "/admin/audit", locale, width);
        await audit.WaitForRowsAsync("audit-grid");
        await Expect(audit.GetByTestId("audit-book-link").First).ToBeVisibleAsync();
        await audit.SaveScreenshotAsync($"guidance-admin-audit-{language}-{width}");

        var jobs = await LibrarianSession.OpenAsync(browser, app, "/admin/jobs", locale, width);
        await Expect(jobs.GetByTestId("schedule-overdue-sweep")).ToContainTextAsync(language == "ko" ? "매시 정각" : "Every hour on the hour");
        await Expect(jobs.GetByTestId("schedule-outbox-sweep")).ToContainTextAsync(language == "ko" ? "30초마다" : "Every 30 seconds");
        await jobs.SaveScreenshotAsync($"guidance-admin-jobs-{language}-{width}", fullPage: true);
        Assert.True(await jobs.HorizontalOverflowAsync() <= 0, $"/admin/jobs scrolls sideways at {width} px");
    }

    private async Task<IPage> OpenBookRowAsync(string title)
    {
        var page = await LibrarianSession.OpenAsync(browser, app, "/admin/books");
        await page.WaitForRowsAsync("books-grid");
        await page.GetByLabel("Search title, author, publisher or ISBN").FillAsync(title);
        await page.WaitForSingleRowAsync("books-grid");
        return page;
    }

    private Task<bool> IsArchivedAsync(int bookId) =>
        app.WithDbAsync(db => db.Books.AsNoTracking().Where(b => b.Id == bookId).Select(b => b.IsArchived).SingleAsync());
}
