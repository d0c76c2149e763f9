using Library.Tests.E2E.Pages;
using Library.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Library.Tests.E2E.Admin;

/// <summary>The librarian keeps the library's closed days on /admin/calendar, in a real browser (English and Korean, desktop and phone).</summary>
[Collection(ThirdBrowserCollection.Name)]
public sealed class LibraryCalendarPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task Librarian_closes_Sundays_and_a_holiday_and_a_new_loan_due_on_it_is_due_the_next_open_day()
    {
        await using var app = new LibraryApp();
        await app.InitializeAsync();
        var page = await browser.NewPageAsync(app);
        await page.SignInAsync(LibraryApp.LibrarianEmail, LibraryApp.LibrarianPassword, "/admin/calendar");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Library calendar", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("calendar-today")).ToContainTextAsync("open today");
        await page.WaitForBlazorAsync();

        await page.GetByLabel("Sunday", new() { Exact = true }).CheckAsync();
        await page.GetByTestId("save-weekdays").ClickAsync();
        await Expect(page.Snackbar().Filter(new() { HasText = "Closed every week: Sunday." })).ToBeVisibleAsync();

        // Monday 16 March (a loan made today is due that day) becomes a holiday; 1 March is a past one.
        foreach (var (date, note) in new[] { ("2026-03-16", "Spring holiday"), ("2026-03-01", "Independence Movement Day") })
        {
            // The form clears after each date it closes; fill it only once it has (and commit the note before the click).
            var noteInput = page.GetByLabel("Note", new() { Exact = true });
            await Expect(noteInput).ToHaveValueAsync(string.Empty);
            await page.Locator("input[type=date]").FillAsync(date);
            await noteInput.FillAsync(note);
            await noteInput.PressAsync("Tab");
            await Expect(noteInput).ToHaveValueAsync(note);
            await page.GetByTestId("close-date").ClickAsync();
            await Expect(page.Snackbar().Filter(new() { HasText = "The library is closed on" }).Last).ToBeVisibleAsync();
        }

        var upcoming = page.GetByTestId("upcoming-dates");
        await Expect(upcoming).ToContainTextAsync("Mar 16, 2026");
        await Expect(upcoming).ToContainTextAsync("Spring holiday");
        await Expect(upcoming).Not.ToContainTextAsync("Independence Movement Day"); // past dates are behind the switch
        await page.GetByText("Show past closed dates (1)").ClickAsync();
        await Expect(page.GetByTestId("past-dates")).ToContainTextAsync("Independence Movement Day");
        await page.SaveScreenshotAsync("calendar-en-desktop", fullPage: true);

        using (var patron = await app.SignInPatronAsync())
        {
            var loan = await (await patron.BorrowAsync((await patron.FindBookWithCopiesAsync(1)).Id, 1)).ReadAsync<Api.Loan>();
            Assert.Equal(new DateTimeOffset(2026, 3, 17, 23, 59, 59, 999, TimeSpan.FromHours(9)), loan.DueAt);
        }

        await page.SetViewportSizeAsync(375, 800);
        await page.ReloadAsync();
        await page.WaitForBlazorAsync();
        await page.SaveScreenshotAsync("calendar-en-phone", fullPage: true);

        await page.GotoAsync("/culture/set?culture=ko&returnUrl=/admin/calendar");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "도서관 달력", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("upcoming-dates")).ToContainTextAsync("2026. 3. 16.");
        await Expect(page.GetByLabel("일요일", new() { Exact = true })).ToBeCheckedAsync();
        await page.SaveScreenshotAsync("calendar-ko-phone", fullPage: true);
        await page.SetViewportSizeAsync(1280, 900);
        await page.ReloadAsync();
        await page.WaitForBlazorAsync();
        await page.SaveScreenshotAsync("calendar-ko-desktop", fullPage: true);

        await page.WaitForBlazorAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "2026. 3. 16. 휴관 취소" }).ClickAsync();
        await Expect(page.GetByTestId("upcoming-dates")).ToContainTextAsync("예정된 휴관일이 없습니다.");
    }
}
