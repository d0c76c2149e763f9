using Library.Tests.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Library.Tests.E2E.Admin;

/// <summary>MudBlazor's own texts (the grid's pager and its page-size label) follow the Korean UI too.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MudBlazorInKoreanTests(BrowserFixture browser, LibraryApp app) : IClassFixture<LibraryApp>
{
    [Fact]
    public async Task The_books_grid_pager_speaks_korean_for_a_korean_browser()
    {
        var page = await LibrarianSession.OpenAsync(browser, app, "/admin/books", locale: "ko-KR");
        await page.WaitForRowsAsync("books-grid");

        var pager = page.Locator(".mud-table-pagination");
        await Expect(pager).ToContainTextAsync("페이지당 행 수:");
        await Expect(pager).ToContainTextAsync("개 중 1-");
        await Expect(pager).Not.ToContainTextAsync("Rows per page");
        await Expect(page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "다음 페이지" })).ToBeVisibleAsync();
    }
}
