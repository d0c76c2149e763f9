using Library.Tests.TestSupport;
using Library.Web.Features.Lending;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Library.Tests.E2E;

/// <summary>The librarians' Jobs page and the patron's notification bell, in a real browser.</summary>
[Collection(SecondBrowserCollection.Name)]
public sealed class JobsAndNoticesPageTests(BrowserFixture browser)
{
    private const string NeverCron = "0 0 0 1 1 ? 2099";

    [Fact]
    public async Task Librarian_runs_the_overdue_sweep_now_and_sees_what_it_did()
    {
        await using var app = new LibraryApp().With("Jobs:OverdueSweepCron", NeverCron).With("Jobs:CatchUpOnStartup", "false");
        await app.InitializeAsync();
        using (var patron = await app.SignInPatronAsync())
        {
            await patron.BorrowAsync((await patron.FindBookWithCopiesAsync(1)).Id, 1);
        }

        app.Clock.Advance(TimeSpan.FromDays(20));
        var page = await browser.NewPageAsync(app);
        await page.SignInAsync(LibraryApp.LibrarianEmail, LibraryApp.LibrarianPassword, "/admin/jobs");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Jobs", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("last-run-overdue-sweep")).ToContainTextAsync("Not run yet");
        // Times are library-local (Asia/Seoul: the test clock's 09:00 UTC is 18:00), and the page says so once.
        await Assertions.Expect(page.GetByTestId("next-run-outbox-sweep")).ToContainTextAsync("Mar 2, 2026 18:0");
        await Assertions.Expect(page.GetByTestId("jobs-zone")).ToContainTextAsync("Asia/Seoul (UTC+09:00)");
        await page.WaitForBlazorAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Run now: Overdue sweep" }).ClickAsync();

        var lastRun = page.GetByTestId("last-run-overdue-sweep");
        await Assertions.Expect(lastRun).ToContainTextAsync("OK");
        await Assertions.Expect(lastRun).ToContainTextAsync("1 flagged overdue");
        await Assertions.Expect(lastRun).ToContainTextAsync($"{LibraryApp.LibrarianEmail} (Run now)");
        await Assertions.Expect(page.GetByTestId("job-history")).ToContainTextAsync("Overdue sweep");
        await ShootAsync(page, "jobs-en-desktop");
        await ShootPhoneAsync(page, "jobs-en-phone");

        var korean = await browser.NewPageAsync(app);
        await korean.SignInAsync(LibraryApp.LibrarianEmail, LibraryApp.LibrarianPassword);
        await korean.GotoAsync("/culture/set?culture=ko&returnUrl=/admin/jobs");
        await Assertions.Expect(korean.GetByRole(AriaRole.Heading, new() { Name = "작업", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(korean.GetByTestId("last-run-overdue-sweep")).ToContainTextAsync("연체 표시");
        await ShootAsync(korean, "jobs-ko-desktop");
        await ShootPhoneAsync(korean, "jobs-ko-phone");
    }

    [Fact]
    public async Task Patron_cannot_open_the_jobs_page()
    {
        await using var app = new LibraryApp();
        await app.InitializeAsync();
        var page = await browser.NewPageAsync(app);
        await page.SignInAsync(LibraryApp.PatronEmail, LibraryApp.PatronPassword, "/admin/jobs");

        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Run now: Overdue sweep" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("jobs-table")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Patron_sees_new_notices_live_in_the_bell_and_marks_them_read()
    {
        await using var app = new LibraryApp().With("Jobs:OverdueSweepCron", NeverCron).With("Jobs:CatchUpOnStartup", "false");
        await app.InitializeAsync();
        Api.Book book;
        Api.Loan loan;
        using (var patron = await app.SignInPatronAsync())
        {
            book = await patron.FindBookWithCopiesAsync(1);
            loan = await (await patron.BorrowAsync(book.Id, 1)).ReadAsync<Api.Loan>();
        }

        app.Clock.Advance(TimeSpan.FromDays(16));
        await app.Services.GetRequiredService<OverdueSweep>().RunAsync(CancellationToken.None);
        await app.WaitForOutboxAsync();

        var page = await browser.NewPageAsync(app);
        await page.SignInAsync(LibraryApp.PatronEmail, LibraryApp.PatronPassword, "/");
        var bell = page.GetByTestId("notification-bell");
        await Assertions.Expect(bell).ToHaveAttributeAsync("data-unread", "1");
        await Assertions.Expect(bell).ToHaveAttributeAsync("aria-label", "Notifications, 1 unread");
        await page.WaitForBlazorAsync();

        await bell.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Notifications", Exact = true })).ToBeVisibleAsync();
        var overdue = page.Locator("[data-testid=notice][data-kind=LoanOverdue]");
        await Assertions.Expect(overdue).ToContainTextAsync($"Overdue: {book.Title}");
        await Assertions.Expect(overdue).ToContainTextAsync("₩500");

        // The patron returns the book elsewhere (API); the fee notice appears here without a reload.
        using (var patron = await app.SignInPatronAsync())
        {
            (await patron.ReturnAsync(loan.Id, 1)).EnsureSuccessStatusCode();
        }

        await Assertions.Expect(page.GetByTestId("notice")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("notice").First).ToContainTextAsync($"Late fee ₩500: {book.Title}");
        await Assertions.Expect(bell).ToHaveAttributeAsync("data-unread", "2");
        await ShootAsync(page, "notices-en-desktop");

        await overdue.GetByRole(AriaRole.Button, new() { Name = $"Mark as read: Overdue: {book.Title}" }).ClickAsync();
        await Assertions.Expect(bell).ToHaveAttributeAsync("data-unread", "1");
        await Assertions.Expect(overdue).ToHaveAttributeAsync("data-read", "true");
        await ShootPhoneAsync(page, "notices-en-phone");

        await page.GetByTestId("mark-all-read").ClickAsync();
        await Assertions.Expect(bell).ToHaveAttributeAsync("data-unread", "0");
        await Assertions.Expect(page.GetByTestId("unread-count")).ToHaveTextAsync("0 unread");

        var korean = await browser.NewPageAsync(app);
        await korean.SignInAsync(LibraryApp.PatronEmail, LibraryApp.PatronPassword);
        await korean.GotoAsync("/culture/set?culture=ko&returnUrl=/notifications");
        await Assertions.Expect(korean.GetByRole(AriaRole.Heading, new() { Name = "알림", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(korean.GetByTestId("notice").First).ToContainTextAsync($"연체료 ₩500: {book.Title}");
        await ShootAsync(korean, "notices-ko-desktop");
        await ShootPhoneAsync(korean, "notices-ko-phone");
    }

    /// <summary>Reloads at phone width (so the layout starts as a phone's) and takes a screenshot.</summary>
    private static async Task ShootPhoneAsync(IPage page, string name)
    {
        await page.SetViewportSizeAsync(375, 800);
        await page.ReloadAsync();
        await page.WaitForBlazorAsync();
        await ShootAsync(page, name);
    }

    private static async Task ShootAsync(IPage page, string name)
    {
        await page.SaveScreenshotAsync(name, fullPage: true);
    }
}
