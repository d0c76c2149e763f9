using System.Text;
using Library.Tests.Admin;
using Library.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Library.Tests.E2E;

/// <summary>The patron's /history page (from My loans, live, CSV download, Korean at phone width) and the librarian's tab.</summary>
[Collection(SecondBrowserCollection.Name)]
public sealed class LoanHistoryPageTests(BrowserFixture browser, LibraryApp app) : IClassFixture<LibraryApp>
{
    [Fact]
    public async Task A_patron_finds_past_loans_from_my_loans_sees_a_return_join_live_and_downloads_the_csv()
    {
        using var librarian = await app.SignInLibrarianAsync();
        using var patron = await app.NewPatronAsync();
        var onTime = await librarian.CreateBookAsync(AdminApi.NewBook(title: "History on time " + Guid.NewGuid().ToString("N")[..6]));
        var late = await librarian.CreateBookAsync(AdminApi.NewBook(title: "History late " + Guid.NewGuid().ToString("N")[..6]));
        var later = await librarian.CreateBookAsync(AdminApi.NewBook(title: "History later " + Guid.NewGuid().ToString("N")[..6]));
        var first = await patron.Client.BorrowNewAsync(onTime.Id);
        var second = await patron.Client.BorrowNewAsync(late.Id, 2);
        var third = await patron.Client.BorrowNewAsync(later.Id);
        await patron.Client.ReturnAsync(first.Id, 1);
        await app.BackdateLoanAsync(second.Id);
        await librarian.SetDueDateAsync(second.Id, app.Clock.GetUtcNow().AddDays(-3));
        await patron.Client.ReturnAsync(second.Id, 2);
        await app.WaitForOutboxAsync();

        var page = await browser.NewPageAsync(app);
        await page.SignInAsync(patron.Email, AdminApi.NewPatronPassword, "/my-loans");
        await page.WaitForBlazorAsync();
        await page.GetByTestId("history-link").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/history$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Loan history", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("history-title")).ToHaveTextAsync([late.Title, onTime.Title]);
        await Expect(page.GetByTestId("history-fee")).ToHaveTextAsync(["₩500", "₩0"]);
        await Expect(page.GetByTestId("history-days")).ToHaveTextAsync(["3 days", "On time"]);
        await Expect(page.GetByTestId("history-summary")).ToHaveTextAsync("2 past loans");
        await page.SaveScreenshotAsync("history-en-desktop");

        // Returned elsewhere (another tab, the desk): the loan joins the history without a reload.
        await page.WaitForBlazorAsync();
        await patron.Client.ReturnAsync(third.Id, 1);
        await Expect(page.GetByTestId("history-title")).ToHaveTextAsync([later.Title, late.Title, onTime.Title]);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("history-download").ClickAsync());
        Assert.StartsWith("loan-history-", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var csv = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("Title,Copies,Lost,Borrowed,Due,Returned,Days overdue,Fee (KRW),Loan ID\r\n" + later.Title + ",", csv);

        await page.SetViewportSizeAsync(375, 800);
        await page.GotoAsync("/culture/set?culture=ko&returnUrl=/history");
        await page.WaitForBlazorAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "대출 기록", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("history-days").First).ToHaveTextAsync("기한 내");
        await Expect(page.GetByTestId("history-summary")).ToHaveTextAsync("지난 대출 3건");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling at 375 px");
        await page.SaveScreenshotAsync("history-ko-375", fullPage: true);
    }

    [Fact]
    public async Task A_librarian_sees_the_patrons_history_on_a_tab_of_the_patron_page()
    {
        using var librarian = await app.SignInLibrarianAsync();
        using var patron = await app.NewPatronAsync();
        var book = await librarian.CreateBookAsync();
        var loan = await patron.Client.BorrowNewAsync(book.Id);
        await patron.Client.ReturnAsync(loan.Id, 1);

        var page = await browser.NewPageAsync(app);
        await page.SignInAsync(LibraryApp.LibrarianEmail, LibraryApp.LibrarianPassword, $"/admin/patrons/{patron.Id}");
        await page.WaitForBlazorAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "History" }).ClickAsync();

        await Expect(page.GetByTestId("history-title")).ToHaveTextAsync([book.Title]);
        await Expect(page.GetByTestId("history-days")).ToHaveTextAsync(["On time"]);
        await page.SaveScreenshotAsync("history-admin-en-desktop");
        await page.SetViewportSizeAsync(375, 800);
        await page.GotoAsync($"/culture/set?culture=ko&returnUrl=/admin/patrons/{patron.Id}");
        await page.WaitForBlazorAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "대출 기록" }).ClickAsync();
        await Expect(page.GetByTestId("history-title")).ToHaveTextAsync([book.Title]);
        await page.SaveScreenshotAsync("history-admin-ko-375", fullPage: true);
    }
}
