using Library.Tests.E2E.Admin;
using Library.Tests.E2E.Pages;
using Library.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Library.Tests.E2E;

/// <summary>Renewing from My loans in the browser: the due date moves live, the renewals left count down, a refusal says why.</summary>
[Collection(SecondBrowserCollection.Name)]
public sealed class RenewalUiTests(BrowserFixture browser, LibraryApp app) : IClassFixture<LibraryApp>
{
    [Fact]
    public async Task A_patron_renews_on_my_loans_sees_the_new_due_date_and_a_blocked_card_is_refused_with_the_reason()
    {
        using var api = await app.SignInApiAsync(LibraryApp.Patron2Email, LibraryApp.PatronPassword);
        var book = await api.FindBookWithCopiesAsync(1, skip: 3);
        (await api.BorrowAsync(book.Id, 1)).EnsureSuccessStatusCode();
        var page = await browser.NewPageAsync(app);
        await page.SignInAsync(LibraryApp.Patron2Email, LibraryApp.PatronPassword, "/my-loans");
        await page.WaitForBlazorAsync();
        var row = page.GetByTestId("loan-list").Locator("tr", new() { HasText = book.Title });
        await Expect(row.GetByTestId("renewals-left")).ToHaveTextAsync("2 renewals left");
        await page.SaveScreenshotAsync("renew-my-loans-en");

        await row.GetByTestId("renew-button").ClickAsync();

        await Expect(page.Snackbar()).ToContainTextAsync("now due on Mar 30, 2026");
        await Expect(row.GetByTestId("renewals-left")).ToHaveTextAsync("1 renewal left");
        await Expect(row).ToContainTextAsync("Mar 30, 2026");

        await app.WithDbAsync(db => db.Users.Where(u => u.Email == LibraryApp.Patron2Email)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.IsBlocked, true).SetProperty(u => u.BlockedReason, "Unpaid fees")));
        try
        {
            await row.GetByTestId("renew-button").ClickAsync();
            await Expect(row.GetByTestId("renew-refusal")).ToHaveTextAsync("Your library card is blocked: Unpaid fees. Please contact a librarian.");
            await Expect(row.GetByTestId("renewals-left")).ToHaveTextAsync("1 renewal left");
            await page.SaveScreenshotAsync("renew-refused-en");

            await page.SetViewportSizeAsync(375, 800);
            await page.GotoAsync("/culture/set?culture=ko&returnUrl=/my-loans");
            await page.WaitForBlazorAsync();
            await Expect(page.GetByTestId("renewals-left").First).ToHaveTextAsync("연장 1회 남음");
            await page.GetByTestId("renew-button").First.ClickAsync();
            await Expect(page.GetByTestId("renew-refusal").First).ToContainTextAsync("도서 대출이 정지되었습니다");
            await page.SaveScreenshotAsync("renew-my-loans-ko-375", fullPage: true);
            Assert.Equal(0, await page.HorizontalOverflowAsync());
        }
        finally
        {
            await app.WithDbAsync(db => db.Users.Where(u => u.Email == LibraryApp.Patron2Email)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.IsBlocked, false)));
        }

        var admin = await LibrarianSession.OpenAsync(browser, app, "/admin/loans", "en-US", 1280);
        await admin.WaitForBlazorAsync();
        await Expect(admin.GetByTestId("loan-renewals").First).ToHaveTextAsync("Renewed 1 time");
        await admin.SaveScreenshotAsync("renew-admin-loans-en");
        var korean = await LibrarianSession.OpenAsync(browser, app, "/admin/loans", "ko-KR", 375);
        await korean.GotoAsync("/culture/set?culture=ko&returnUrl=/admin/loans");
        await korean.WaitForBlazorAsync();
        await Expect(korean.GetByTestId("loan-renewals").First).ToHaveTextAsync("1회 연장됨");
        await korean.SaveScreenshotAsync("renew-admin-loans-ko-375", fullPage: true);
    }
}
