using System.Text;
using Library.Tests.Admin;
using Library.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Library.Tests.E2E.Admin;

/// <summary>The "Download CSV" buttons of the admin lists download what the list shows (its filters), in a real browser.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CsvDownloadButtonTests(BrowserFixture browser)
{
    [Fact]
    public async Task Books_download_has_the_searched_titles_only_and_each_admin_list_has_the_button_in_both_languages()
    {
        await using var app = new LibraryApp();
        await app.InitializeAsync();
        using var librarian = await app.SignInLibrarianAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        await librarian.CreateBookAsync(AdminApi.NewBook($"한국어 제목 {tag}"));

        var page = await LibrarianSession.OpenAsync(browser, app, "/admin/books");
        await page.WaitForRowsAsync("books-grid");
        await page.WaitForBlazorAsync();
        await page.GetByTestId("books-search").FillAsync(tag);
        await page.WaitForSingleRowAsync("books-grid");
        await Expect(page.GetByTestId("download-csv")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex($"search={tag}"));

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download CSV of books" }).ClickAsync());

        Assert.Matches(@"^books-\d{4}-\d{2}-\d{2}\.csv$", download.SuggestedFilename);
        var lines = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(await download.PathAsync())).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("\uFEFFisbn,title,author,publisher,year,copies,description", lines[0]);
        Assert.Contains($",한국어 제목 {tag},", Assert.Single(lines[1..]));
        await page.SaveScreenshotAsync("export-books-en-1280");

        foreach (var (path, grid, korean) in new[]
                 {
                     ("/admin/books", "books-grid", "CSV 내려받기: 도서 목록"), ("/admin/loans", "loans-grid", "CSV 내려받기: 대출 목록"),
                     ("/admin/fees", "fees-grid", "CSV 내려받기: 연체료 목록"), ("/admin/audit", "audit-grid", "CSV 내려받기: 감사 기록"),
                 })
        {
            var name = path.Split('/')[^1];
            await page.SetViewportSizeAsync(1280, 900);
            await page.GotoAsync($"/culture/set?culture=en&returnUrl={path}");
            await Expect(page.GetByTestId(grid)).ToBeVisibleAsync();
            await Expect(page.GetByTestId("download-csv")).ToHaveTextAsync("Download CSV");
            await page.SaveScreenshotAsync($"export-{name}-en-1280");
            await page.GotoAsync($"/culture/set?culture=ko&returnUrl={path}");
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = korean })).ToBeVisibleAsync();
            await page.SaveScreenshotAsync($"export-{name}-ko-1280");
            await page.SetViewportSizeAsync(375, 800);
            await Expect(page.GetByTestId("download-csv")).ToBeVisibleAsync();
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{path}: no sideways scrolling at 375 px");
            await page.SaveScreenshotAsync($"export-{name}-ko-375");
        }
    }
}
