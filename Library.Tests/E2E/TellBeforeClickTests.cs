using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Library.Tests.Admin;
using Library.Tests.E2E.Pages;
using Library.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Library.Tests.E2E;

/// <summary>Patrons learn that they cannot borrow, and why, before they click: a blocked card, a title with none left.</summary>
[Collection(SecondBrowserCollection.Name)]
public sealed class TellBeforeClickTests(BrowserFixture browser, LibraryApp app) : IClassFixture<LibraryApp>
{
    [Theory]
    // Each language once and each width once: English on a desktop, Korean on a phone (the longer words, the narrower screen).
    [InlineData("en", 1366)]
    [InlineData("ko", 375)]
    public async Task A_blocked_patron_sees_the_reason_on_the_book_page_catalogue_and_dashboard(string language, int width)
    {
        using var librarian = await app.SignInLibrarianAsync();
        using var patron = await app.NewPatronAsync();
        var book = await librarian.CreateBookAsync(AdminApi.NewBook(copies: 4));
        Assert.Equal(HttpStatusCode.NoContent,
            (await librarian.PostAsJsonAsync($"/api/admin/patrons/{patron.Id}/block", new { reason = "Lost book not replaced." })).StatusCode);
        var page = await SignedInPageAsync(patron.Email, language, width);
        var reason = language == "ko"
            ? "도서 대출이 정지되었습니다: Lost book not replaced. 사서에게 문의하세요."
            : "Your library card is blocked: Lost book not replaced. Please contact a librarian.";

        await new BookPage(page).OpenAsync(book.Id);
        await Expect(page.GetByTestId("borrow-blocked")).ToHaveTextAsync(reason);
        await Expect(page.GetByTestId("borrow-button")).ToBeDisabledAsync();
        await Expect(page.GetByTestId("borrow-control")).Not.ToContainTextAsync(language == "ko" ? "최대" : "You can borrow up to");
        await page.SaveScreenshotAsync($"guidance-book-blocked-{language}-{width}", fullPage: width > 400);

        foreach (var path in new[] { "/catalogue", "/dashboard" })
        {
            await page.GotoAsync(path);
            await page.WaitForBlazorAsync();
            await Expect(page.GetByTestId("blocked-banner")).ToHaveTextAsync(reason);
        }

        await page.SaveScreenshotAsync($"guidance-dashboard-blocked-{language}-{width}");
    }

    [Theory]
    // Each language once and each width once: English on a desktop, Korean on a phone (the longer words, the narrower screen).
    [InlineData("en", 1366)]
    [InlineData("ko", 375)]
    public async Task A_title_with_none_left_says_when_the_next_copy_is_due_back(string language, int width)
    {
        using var librarian = await app.SignInLibrarianAsync();
        using var borrower = await app.NewPatronAsync();
        using var reader = await app.NewPatronAsync();
        var book = await librarian.CreateBookAsync(AdminApi.NewBook(title: "Due back " + Guid.NewGuid().ToString("N")[..6], copies: 2));
        var first = await borrower.Client.BorrowNewAsync(book.Id);
        await borrower.Client.BorrowNewAsync(book.Id);
        (await librarian.SetDueDateAsync(first.Id, app.Clock.GetUtcNow().AddDays(5))).EnsureSuccessStatusCode();
        var due = ShownDate(app.Clock.GetUtcNow().AddDays(5), language);
        var page = await SignedInPageAsync(reader.Email, language, width);

        await new BookPage(page).OpenAsync(book.Id);
        await Expect(page.GetByTestId("borrow-next-due-back")).ToContainTextAsync(due);
        await Expect(page.GetByTestId("borrow-button")).ToBeDisabledAsync();
        await page.SaveScreenshotAsync($"guidance-book-none-left-{language}-{width}", fullPage: width > 400);

        await new CataloguePage(page).OpenAsync(book.Title);
        await Expect(page.GetByTestId($"due-back-{book.Id}")).ToContainTextAsync(due);
        Assert.True(await page.HorizontalOverflowAsync() <= 0, $"the catalogue scrolls sideways at {width} px ({language})");
        await page.SaveScreenshotAsync($"guidance-catalogue-none-left-{language}-{width}");
    }

    private async Task<IPage> SignedInPageAsync(string email, string language, int width)
    {
        var page = await browser.NewPageAsync(app);
        await page.SetViewportSizeAsync(width, 900);
        await page.SignInAsync(email, AdminApi.NewPatronPassword);
        if (language == "ko")
        {
            await page.UseKoreanAsync();
        }

        return page;
    }

    /// <summary>A due date as the page shows it: the end of a Seoul day, in the language's one date format.</summary>
    private static string ShownDate(DateTimeOffset dueAt, string language)
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo(language);
        try
        {
            return new Library.Web.Localization.LibraryDates(
                new Library.Domain.Lending.LibraryCalendar(TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul"))).Date(dueAt);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
