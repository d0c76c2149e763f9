using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Library.Tests.Admin;
using Library.Tests.E2E.Admin;
using Library.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MimeKit;
using static Microsoft.Playwright.Assertions;

namespace Library.Tests.E2E;

/// <summary>
/// The self-check kiosk in a real browser: a librarian authorises the browser, a patron scans their card, borrows and
/// returns a copy by typing its barcode + Enter, and is signed out after Kiosk:IdleSeconds (3 s here) without activity.
/// A browser without a token, or with a revoked one, sees only "This station is not authorised".
/// </summary>
[Collection(ThirdBrowserCollection.Name)]
public sealed class KioskTests(BrowserFixture browser, KioskTests.KioskApp app) : IClassFixture<KioskTests.KioskApp>
{
    public sealed class KioskApp : LibraryApp
    {
        public KioskApp() => With("Kiosk:IdleSeconds", "3");
    }

    [Fact]
    public async Task A_patron_scans_their_card_borrows_and_returns_a_copy_and_is_signed_out_when_idle()
    {
        using var patron = await app.NewPatronAsync();
        var (card, name) = await app.WithDbAsync(async db =>
            await db.Users.Where(u => u.Id == patron.Id).Select(u => new { u.CardNumber, u.DisplayName }).SingleAsync() is var u ? (u.CardNumber!, u.DisplayName) : default);
        using var librarian = await app.SignInLibrarianAsync();
        var book = await librarian.CreateBookAsync(AdminApi.NewBook("Kiosk " + Guid.NewGuid().ToString("N")[..6], copies: 1));
        var barcode = await app.WithDbAsync(db => db.Copies.Where(c => c.BookId == book.Id).Select(c => c.Barcode).SingleAsync());

        // The librarian authorises the browser they are on; the kiosk then opens in it (token in localStorage).
        var page = await LibrarianSession.OpenAsync(browser, app, "/admin/kiosks");
        await page.WaitForBlazorAsync();
        await page.GetByLabel("Station name").FillAsync("Front hall");
        await page.GetByTestId("kiosk-authorize-this").ClickAsync();
        await Expect(page.GetByTestId("kiosk-this-browser")).ToContainTextAsync("This browser is now the station “Front hall”.");
        await Expect(page.GetByTestId("kiosks-table").Locator("tbody tr", new() { HasText = "Front hall" })).ToContainTextAsync("Authorised");

        await page.GotoAsync("/kiosk");
        await Expect(page.GetByTestId("kiosk-station")).ToHaveTextAsync("Front hall");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Admin" })).ToHaveCountAsync(0);
        var cardInput = page.GetByLabel("Library card number");
        await Expect(cardInput).ToBeFocusedAsync();
        await cardInput.FillAsync(card);
        await cardInput.PressAsync("Enter");
        await Expect(page.GetByTestId("kiosk-hello")).ToHaveTextAsync($"Hello, {name}");

        // Borrow: the scan input has focus; typing the barcode + Enter lends the copy (green line, loan listed with its due date).
        var scan = page.GetByTestId("kiosk-scan");
        await Expect(scan).ToBeFocusedAsync();
        await scan.FillAsync(barcode);
        await scan.PressAsync("Enter");
        await Expect(page.GetByTestId("kiosk-result")).ToContainTextAsync($"Borrowed “{book.Title}”. Due ");
        await Expect(page.GetByTestId("kiosk-result")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("\\bok\\b"));
        await Expect(page.GetByTestId("kiosk-loans")).ToContainTextAsync(book.Title);
        Assert.Single(await patron.Client.GetJsonAsync<List<Api.Loan>>("/api/me/loans"));

        // The same copy again is refused with a red line; then Return takes it back.
        await scan.FillAsync(barcode);
        await scan.PressAsync("Enter");
        await Expect(page.GetByTestId("kiosk-result")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("\\bbad\\b"));
        await page.GetByTestId("kiosk-mode-return").ClickAsync();
        await Expect(scan).ToBeFocusedAsync();
        await scan.FillAsync(barcode);
        await scan.PressAsync("Enter");
        await Expect(page.GetByTestId("kiosk-result")).ToHaveTextAsync($"Returned “{book.Title}”. Thank you!");
        await Expect(page.GetByTestId("kiosk-no-loans")).ToBeVisibleAsync();
        Assert.Empty(await patron.Client.GetJsonAsync<List<Api.Loan>>("/api/me/loans"));

        // Nothing more happens: a countdown, then the kiosk is back at its start screen and the receipt is mailed.
        await Expect(page.GetByTestId("kiosk-countdown")).ToContainTextAsync("Signing out in");
        await Expect(page.GetByTestId("kiosk-farewell")).ToContainTextAsync("You were signed out because nothing happened for a while.");
        await Expect(page.GetByTestId("kiosk-hello")).ToHaveCountAsync(0);
        await Expect(page.GetByLabel("Library card number")).ToBeVisibleAsync();

        var pickup = Path.Combine(app.DataDirectory, "mail-pickup");
        MimeMessage? receipt = null;
        await Eventually.HoldsAsync(async () =>
        {
            foreach (var file in Directory.Exists(pickup) ? Directory.GetFiles(pickup, "*.eml") : [])
            {
                var mail = await MimeMessage.LoadAsync(file);
                if (mail.To.Mailboxes.Any(m => m.Address == patron.Email) && (mail.TextBody ?? string.Empty).Contains(book.Title))
                {
                    receipt = mail;
                }
            }

            return receipt is not null;
        }, "the kiosk receipt reached the pickup folder");
        Assert.Contains("Borrowed:", receipt!.TextBody);
        Assert.Contains("Returned:", receipt.TextBody);
        Assert.Contains(barcode, receipt.TextBody);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_browser_without_a_token_or_with_a_revoked_one_sees_only_that_the_station_is_not_authorised()
    {
        var stranger = await browser.NewPageAsync(app);
        await stranger.GotoAsync("/kiosk");
        await Expect(stranger.GetByTestId("kiosk-not-authorised")).ToHaveTextAsync("This station is not authorised");
        await Expect(stranger.GetByRole(AriaRole.Textbox)).ToHaveCountAsync(0);
        await Expect(stranger.Locator("a:visible, button:visible")).ToHaveCountAsync(0);
        await stranger.Context.CloseAsync();

        // Authorised in Korean on a phone-sized screen: the start screen passes axe; revoked, it shows only the refusal.
        var page = await LibrarianSession.OpenAsync(browser, app, "/admin/kiosks", "ko-KR", 375);
        await page.WaitForBlazorAsync();
        await page.GetByLabel("대출기 이름").FillAsync("Revoked station");
        await page.GetByTestId("kiosk-authorize-this").ClickAsync();
        await Expect(page.GetByTestId("kiosk-this-browser")).ToBeVisibleAsync();
        await page.GotoAsync("/kiosk");
        await Expect(page.GetByLabel("도서관 카드 번호")).ToBeVisibleAsync();
        await page.SaveScreenshotAsync("kiosk-start-ko-375");
        var axe = await page.RunAxe(new AxeRunOptions { ResultTypes = [ResultType.Violations] });
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, string.Join("; ", serious.Select(v => $"{v.Id}: {v.Help} ({string.Join(" | ", v.Nodes.Take(3).Select(n => n.Target))})")));

        await page.GotoAsync("/admin/kiosks");
        await page.WaitForBlazorAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Revoked station 승인 취소" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "승인 취소" }).ClickAsync();
        await Expect(page.GetByTestId("kiosks-table").Locator("tbody tr", new() { HasText = "Revoked station" })).ToContainTextAsync("승인 취소됨");
        await page.GotoAsync("/kiosk");
        await Expect(page.GetByTestId("kiosk-not-authorised")).ToHaveTextAsync("이 기기는 셀프 대출기로 승인되지 않았습니다");
        await page.Context.CloseAsync();
    }
}
