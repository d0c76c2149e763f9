using System.Diagnostics;
using Library.Tests.TestSupport;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Library.Tests.E2E.Accessibility;

/// <summary>The language links switch the page to Korean and back, keeping the address; the time it takes is reported.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LanguageSwitchTests(BrowserFixture browser, LibraryApp app, ITestOutputHelper output) : IClassFixture<LibraryApp>
{
    [Fact]
    public async Task Switching_to_korean_and_back_keeps_the_page_and_its_search()
    {
        var page = await browser.NewPageAsync(app);
        await page.GotoAsync("/catalogue?q=the");
        await page.WaitForBlazorAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Catalogue");

        var toKorean = await SwitchAsync(page, "한국어", "도서 목록");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ko");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/catalogue\?q=the$"));
        await page.WaitForBlazorAsync();

        var toEnglish = await SwitchAsync(page, "English", "Catalogue");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");

        output.WriteLine($"language switch, click → heading in the new language: to Korean {toKorean.Text} ms, to English {toEnglish.Text} ms; "
            + $"→ interactive again: {toKorean.Interactive} ms / {toEnglish.Interactive} ms");
        await page.Context.CloseAsync();
    }

    private static async Task<(long Text, long Interactive)> SwitchAsync(IPage page, string link, string heading)
    {
        var clock = Stopwatch.StartNew();
        await page.GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading, new() { Timeout = 30_000 });
        var text = clock.ElapsedMilliseconds;
        await page.WaitForBlazorAsync();
        return (text, clock.ElapsedMilliseconds);
    }
}
