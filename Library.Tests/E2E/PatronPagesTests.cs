using System.Net.Http.Json;
using Library.Tests.E2E.Pages;
using Library.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Library.Tests.E2E;

[Collection(SecondBrowserCollection.Name)]
public sealed class PatronPagesTests(BrowserFixture browser, LibraryApp app) : IClassFixture<LibraryApp>
{

    [Fact]
    public async Task Searching_the_catalogue_narrows_the_list_and_keeps_the_search_in_the_address()
    {
        var page = await browser.NewPageAsync(app);
        await page.GotoAsync("/catalogue");
        await page.WaitForBlazorAsync();
        await Expect(page.GetByTestId("result-count")).ToHaveTextAsync("200 titles");

        await page.GetByLabel("Search by title, author or ISBN").FillAsync("weary dev");

        await Expect(page.GetByTestId("result-count")).Not.ToHaveTextAsync("200 titles");
        var titles = await page.GetByTestId("book-link").AllInnerTextsAsync();
        Assert.NotEmpty(titles);
        Assert.All(titles, t => Assert.Contains("Weary Developer", t));
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("q=weary"));

        await page.GetByLabel("Search by title, author or ISBN").FillAsync("zzqxv");
        await Expect(page.GetByTestId("no-results")).ToContainTextAsync("No titles match “zzqxv”");
    }

    [Fact]
    public async Task A_broken_rule_shows_its_message_and_the_page_stays_usable()
    {
        var book = await app.BookWithCopiesAsync(2, skip: 7);
        var page = await browser.NewPageAsync(app);
        await page.SignInAsync(LibraryApp.Patron2Email, LibraryApp.PatronPassword, $"/books/{book.Id}");
        await page.WaitForBlazorAsync();
        // A librarian blocks the patron while the page is open.
        await app.WithDbAsync(db => db.Users.Where(u => u.Email == LibraryApp.Patron2Email)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.IsBlocked, true).SetProperty(u => u.BlockedReason, "Unpaid fees")));

        await new BookPage(page).BorrowAsync(1);

        await Expect(page.Snackbar()).ToContainTextAsync("Could not borrow");
        await Expect(page.GetByTestId("book-title")).ToHaveTextAsync(book.Title);
        await Expect(page.GetByTestId("book-availability")).ToContainTextAsync($"{book.AvailableCopies} of {book.TotalCopies} available");
        await app.WithDbAsync(db => db.Users.Where(u => u.Email == LibraryApp.Patron2Email)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.IsBlocked, false)));
    }

    [Fact]
    public async Task Unknown_book_shows_a_message_not_an_error_page()
    {
        var page = await browser.NewPageAsync(app);

        await page.GotoAsync("/books/987654");

        await Expect(page.GetByTestId("book-not-found")).ToContainTextAsync("not in the catalogue");
    }

    [Fact]
    public async Task My_loans_and_dashboard_need_a_signed_in_patron()
    {
        var page = await browser.NewPageAsync(app);

        await page.GotoAsync("/dashboard");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
    }

    [Theory]
    [InlineData("en", 1280)]
    [InlineData("en", 375)]
    [InlineData("ko", 1280)]
    [InlineData("ko", 375)]
    public async Task Patron_pages_fit_the_screen_in_both_languages(string language, int width)
    {
        var book = await app.BookWithCopiesAsync(2, skip: 9);
        using (var patron = await app.SignInPatronAsync())
        {
            if ((await patron.GetFromJsonAsync<List<Api.Loan>>("/api/me/loans", Api.Json))!.Count == 0)
            {
                await patron.BorrowAsync(book.Id, 1);
            }
        }

        var page = await browser.NewPageAsync(app);
        await page.SetViewportSizeAsync(width, 900);
        await page.SignInAsync(LibraryApp.PatronEmail, LibraryApp.PatronPassword);
        if (language == "ko")
        {
            await page.UseKoreanAsync();
        }

        var headings = language == "ko"
            ? new[] { "도서 목록", book.Title, "내 대출", "대시보드" }
            : new[] { "Catalogue", book.Title, "My loans", "Dashboard" };
        var urls = new[] { "/catalogue", $"/books/{book.Id}", "/my-loans", "/dashboard" };
        for (var i = 0; i < urls.Length; i++)
        {
            await page.GotoAsync(urls[i]);
            await page.WaitForBlazorAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(headings[i]);
            Assert.True(await page.HorizontalOverflowAsync() <= 0, $"{urls[i]} scrolls sideways at {width} px ({language})");
            var name = urls[i].Trim('/').Replace('/', '-');
            await page.SaveScreenshotAsync($"{name}-{language}-{width}", fullPage: width > 400);
        }

        await page.GotoAsync("/my-loans");
        await page.WaitForBlazorAsync();
        await page.GetByTestId("return-button").First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
        Assert.True(await page.HorizontalOverflowAsync() <= 0, $"the return dialog scrolls sideways at {width} px ({language})");
        await page.SaveScreenshotAsync($"return-dialog-{language}-{width}");
    }
}
