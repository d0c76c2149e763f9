using System.Text;
using Library.Tests.Admin;
using Library.Tests.E2E.Admin;
using Library.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Library.Tests.Import;

/// <summary>The librarian imports a CSV through /admin/import: preview first (nothing saved), then the import, then the catalogue.</summary>
[Collection(SecondBrowserCollection.Name)]
public sealed class ImportPageTests(BrowserFixture browser, LibraryApp app) : IClassFixture<LibraryApp>
{
    private static FilePayload Csv(string word, out string[] isbns)
    {
        isbns = [AdminApi.NewIsbn(), AdminApi.NewIsbn()];
        var csv = "서명,저자,ISBN,출판사,발행연도,권수\n" +
                  $"{word} 첫째 책,한강,{isbns[0]},창비,2014,2\n" +
                  $"\"{word} second, book\",Ann Writer,{isbns[1]},,1999,1\n" +
                  "No ISBN here,Somebody,12345,,,\n";
        return new FilePayload { Name = "titles.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) };
    }

    [Fact]
    public async Task A_csv_is_previewed_then_imported_and_its_titles_are_in_the_catalogue()
    {
        var word = "Imp" + Guid.NewGuid().ToString("N")[..8];
        var page = await LibrarianSession.OpenAsync(browser, app, "/admin/import");
        await page.WaitForBlazorAsync();

        await Expect(page.GetByLabel("File to import")).ToBeEnabledAsync();
        await page.GetByLabel("File to import").SetInputFilesAsync(Csv(word, out var isbns));
        await Expect(page.GetByTestId("import-file-name")).ToContainTextAsync("titles.csv");
        await page.GetByTestId("import-preview").ClickAsync();

        await Expect(page.GetByTestId("import-preview-summary")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("count-imported")).ToHaveTextAsync("2");
        await Expect(page.GetByTestId("count-rejected")).ToHaveTextAsync("1");
        await Expect(page.GetByTestId("problem-line")).ToHaveTextAsync("4");
        await Expect(page.GetByTestId("problem-message")).ToHaveTextAsync("This is not a valid ISBN-10 or ISBN-13: check the digits.");
        Assert.Equal(0, await app.WithDbAsync(db => Task.FromResult(db.Books.Count(b => isbns.Contains(b.Isbn)))));

        await page.GetByTestId("import-run").ClickAsync();
        await Expect(page.GetByTestId("import-result")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("count-imported")).ToHaveTextAsync("2");

        await page.GotoAsync($"/catalogue?q={word}");
        await page.WaitForBlazorAsync();
        await Expect(page.GetByTestId("book-link").Filter(new() { HasText = $"{word} 첫째 책" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("book-link").Filter(new() { HasText = $"{word} second, book" })).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData("en-US", 1280)]
    [InlineData("ko-KR", 1280)]
    [InlineData("en-US", 375)]
    [InlineData("ko-KR", 375)]
    public async Task The_preview_reads_well_in_both_languages_and_on_a_phone(string locale, int width)
    {
        var page = await LibrarianSession.OpenAsync(browser, app, "/admin/import", locale, width);
        await page.WaitForBlazorAsync();
        await Expect(page.GetByTestId("import-file")).ToBeEnabledAsync();
        await page.GetByTestId("import-file").SetInputFilesAsync(Csv("Look" + Guid.NewGuid().ToString("N")[..6], out _));
        await Expect(page.GetByTestId("import-file-name")).ToBeVisibleAsync();
        await page.GetByTestId("import-preview").ClickAsync();
        await Expect(page.GetByTestId("problem-line")).ToHaveTextAsync("4");

        await page.SaveScreenshotAsync($"import-preview-{locale}-{width}", fullPage: true);
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "The import page scrolls sideways");
    }
}
