using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using System.Net.Http.Json;
using Library.Domain.Catalog.Copies;
using Library.Domain.Lending;
using Library.Tests.Admin;
using Library.Tests.E2E.Pages;
using Library.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Library.Tests.E2E.Admin;

/// <summary>
/// The circulation desk as a keyboard-wedge scanner uses it: codes typed with Enter, one after another, into a field that
/// keeps the focus, without waiting for the previous scan and without a mouse.
/// </summary>
[Collection(ThirdBrowserCollection.Name)]
public sealed class CirculationDeskTests(BrowserFixture browser, LibraryApp app) : IClassFixture<LibraryApp>
{
    [Fact]
    public async Task Librarian_checks_out_three_copies_by_scanning_and_checks_one_in()
    {
        using var patron = await app.NewPatronAsync();
        var (card, name) = await CardAsync(patron.Id);
        var barcodes = await AvailableBarcodesAsync(3);
        var page = await OpenDeskAsync();
        var scan = page.GetByTestId("desk-scan");
        var scriptErrors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") scriptErrors.Add(message.Text); };
        page.PageError += (_, error) => scriptErrors.Add(error);

        // The card and three copies, typed straight after each other: the desk queues what comes while it works.
        await ScanAsync(page, card);
        foreach (var barcode in barcodes)
        {
            await ScanAsync(page, barcode);
        }

        await Expect(page.GetByTestId("desk-patron-name")).ToHaveTextAsync(name);
        var lines = page.GetByTestId("desk-lines-CheckOut").GetByTestId("desk-line");
        await Expect(lines.And(page.Locator("[data-state=ok]"))).ToHaveCountAsync(3);
        foreach (var barcode in barcodes)
        {
            await Expect(lines.Filter(new() { HasText = barcode })).ToContainTextAsync("due ");
        }

        await Expect(page.GetByTestId("desk-patron-onloan")).ToHaveTextAsync("3 / 10");
        await Expect(page.GetByTestId("desk-signal")).ToHaveAttributeAsync("data-state", "ok");
        Assert.Equal(3, await app.WithDbAsync(db => db.Loans.Where(l => l.PatronId == patron.Id && l.Status == LoanStatus.Active)
            .SumAsync(l => l.Quantity - l.QuantityReturned - l.QuantityLost)));
        Assert.Equal(3, await app.WithDbAsync(db => db.Copies.CountAsync(c => barcodes.Contains(c.Barcode) && c.Status == CopyStatus.OnLoan)));

        // A mistyped barcode (wrong check digit) is a red line saying so; nothing is lent.
        var mistyped = barcodes[0][..^1] + (char)('0' + (barcodes[0][^1] - '0' + 1) % 10);
        await ScanAsync(page, mistyped);
        var red = lines.And(page.Locator("[data-state=failed]"));
        await Expect(red).ToHaveCountAsync(1);
        await Expect(red).ToContainTextAsync($"Check digit wrong: {mistyped} was mistyped or misread");
        await Expect(page.GetByTestId("desk-signal")).ToHaveAttributeAsync("data-state", "failed");
        await Expect(scan).ToBeFocusedAsync();

        // Check-in: the mode switch is a click, and the field has the focus again after it.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Check-in" }).ClickAsync();
        await Expect(scan).ToBeFocusedAsync();
        await ScanAsync(page, barcodes[1]);
        var checkedIn = page.GetByTestId("desk-lines-CheckIn").GetByTestId("desk-line");
        await Expect(checkedIn).ToHaveAttributeAsync("data-state", "ok");
        await Expect(checkedIn.GetByTestId("desk-line-patron")).ToHaveTextAsync($"from {name}");
        await Expect(checkedIn.GetByTestId("desk-line-fee")).ToHaveTextAsync("no fee");
        Assert.Equal(CopyStatus.Available, await app.WithDbAsync(db => db.Copies.Where(c => c.Barcode == barcodes[1]).Select(c => c.Status).SingleAsync()));

        // A copy that is not on loan any more is a red line.
        await ScanAsync(page, barcodes[1]);
        await Expect(checkedIn.First).ToHaveAttributeAsync("data-state", "failed");
        await Expect(checkedIn.First).ToContainTextAsync(barcodes[1]);
        await page.SaveScreenshotAsync("desk-checkin-en-1280", fullPage: true);
        Assert.Empty(scriptErrors);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Desk_has_no_serious_axe_violations_and_e_mails_the_receipt()
    {
        using var patron = await app.NewPatronAsync();
        var (card, name) = await CardAsync(patron.Id);
        var barcode = (await AvailableBarcodesAsync(1))[0];
        var page = await OpenDeskAsync();

        await ScanAsync(page, card);
        await ScanAsync(page, barcode);
        await ScanAsync(page, "LIB999999999");
        await Expect(page.GetByTestId("desk-line")).ToHaveCountAsync(2);
        await AssertNoSeriousAxeViolationsAsync(page, "patron and lines");

        // Esc finishes: the receipt lists the copy; E-mail sends it to the patron's address (the pickup folder here).
        await page.Keyboard.PressAsync("Escape");
        var receipt = page.GetByTestId("desk-receipt");
        await Expect(receipt.GetByTestId("desk-receipt-patron")).ToContainTextAsync(name);
        await Expect(receipt.GetByTestId("desk-receipt-item")).ToContainTextAsync(barcode);
        await Expect(page.GetByTestId("desk-patron")).ToHaveCountAsync(0);
        await AssertNoSeriousAxeViolationsAsync(page, "receipt");
        await page.SaveScreenshotAsync("desk-receipt-en-1280", fullPage: true);

        await receipt.GetByTestId("desk-receipt-email").ClickAsync();
        await Expect(page.GetByText($"Receipt sent to {patron.Email}.")).ToBeVisibleAsync();
        var mail = Assert.Single(
            Directory.GetFiles(Path.Combine(app.DataDirectory, "mail-pickup"), "*.eml").Select(f => MimeKit.MimeMessage.Load(f)),
            m => m.TextBody?.Contains(barcode) == true);
        Assert.Equal(patron.Email, mail.To.Mailboxes.Single().Address);
        Assert.Contains("You checked out 1 copy at the desk", mail.TextBody!);
        Assert.Contains("데스크에서 1권을 대출했습니다", mail.TextBody);
        Assert.Contains("반납 예정일", mail.TextBody);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_patron_found_by_e_mail_who_is_blocked_is_shown_blocked_and_every_scan_is_refused_with_the_reason()
    {
        using var librarian = await app.SignInLibrarianAsync();
        using var patron = await app.NewPatronAsync();
        (await librarian.PostAsJsonAsync($"/api/admin/patrons/{patron.Id}/block", new { reason = "lost books" })).EnsureSuccessStatusCode();
        var barcode = (await AvailableBarcodesAsync(1))[0];
        var page = await OpenDeskAsync();

        // No card with them: part of the e-mail address finds the one patron.
        await ScanAsync(page, patron.Email[..10]);
        await Expect(page.GetByTestId("desk-patron-blocked")).ToHaveTextAsync("Blocked: lost books");
        await Expect(page.GetByTestId("desk-signal")).ToHaveAttributeAsync("data-state", "failed");

        await ScanAsync(page, barcode);
        var line = page.GetByTestId("desk-line");
        await Expect(line).ToHaveAttributeAsync("data-state", "failed");
        await Expect(line.GetByTestId("desk-line-reason")).ToContainTextAsync("lost books");
        Assert.Equal(CopyStatus.Available, await app.WithDbAsync(db => db.Copies.Where(c => c.Barcode == barcode).Select(c => c.Status).SingleAsync()));

        // Without a mouse: Shift+Tab reaches the mode switch, Enter switches, and the scan field has the focus again.
        await page.Keyboard.PressAsync("Shift+Tab");
        await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Check-in" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Check-in" })).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(page.GetByTestId("desk-scan")).ToBeFocusedAsync();
        await Expect(page.GetByLabel("Barcode of the returned copy")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("ko-KR", 375)]
    [InlineData("en-US", 375)]
    [InlineData("ko-KR", 1280)]
    public async Task Desk_does_not_scroll_sideways(string locale, int width)
    {
        var (card, _) = await CardAsync(await app.UserIdAsync(LibraryApp.Patron2Email));
        var page = await OpenDeskAsync(locale, width);
        await ScanAsync(page, card);
        await ScanAsync(page, "LIB000000001");
        await Expect(page.GetByTestId("desk-line")).ToHaveCountAsync(1);

        await page.SaveScreenshotAsync($"desk-{locale}-{width}", fullPage: true);
        Assert.True(await page.HorizontalOverflowAsync() <= 0, $"/admin/desk scrolls sideways at {width} px");
        await page.Context.CloseAsync();
    }

    private async Task<IPage> OpenDeskAsync(string locale = "en-US", int width = 1280)
    {
        var page = await LibrarianSession.OpenAsync(browser, app, "/admin/desk", locale, width);
        if (!locale.StartsWith("en"))
        {
            await page.GotoAsync($"/culture/set?culture={locale[..2]}&returnUrl=/admin/desk");
        }

        await page.WaitForBlazorAsync();
        var scan = page.GetByTestId("desk-scan");
        await Expect(scan).ToHaveAttributeAsync("data-ready", "true");
        await Expect(scan).ToBeFocusedAsync();
        return page;
    }

    /// <summary>What a keyboard-wedge scanner does: the code's characters, then Enter, into whatever has the focus.</summary>
    private static async Task ScanAsync(IPage page, string code)
    {
        await page.Keyboard.TypeAsync(code);
        await page.Keyboard.PressAsync("Enter");
    }

    private Task<(string Card, string Name)> CardAsync(string patronId) =>
        app.WithDbAsync(async db => await db.Users.Where(u => u.Id == patronId)
            .Select(u => new ValueTuple<string, string>(u.CardNumber!, u.DisplayName)).SingleAsync());

    private Task<List<string>> AvailableBarcodesAsync(int count) =>
        app.WithDbAsync(db => db.Copies.Where(c => c.Status == CopyStatus.Available)
            .OrderBy(c => c.BookId).ThenBy(c => c.Id).Select(c => c.Barcode).Take(count).ToListAsync());

    private static async Task AssertNoSeriousAxeViolationsAsync(IPage page, string state)
    {
        var result = await page.RunAxe(new AxeRunOptions { ResultTypes = [ResultType.Violations] });
        var failures = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(failures.Count == 0, $"/admin/desk ({state}): " + string.Join(Environment.NewLine,
            failures.Select(v => $"{v.Id} [{v.Impact}] {v.Help}: " + string.Join(" | ", v.Nodes.Take(4).Select(n => $"{n.Target} {n.Html}")))));
    }
}
