using Library.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Library.Tests.E2E.Accessibility;

/// <summary>Keyboard users reach the page content first: the skip link is the first Tab stop and moves focus to &lt;main&gt;.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SkipLinkTests(BrowserFixture browser, LibraryApp app) : IClassFixture<LibraryApp>
{
    [Theory]
    [InlineData("/catalogue", "en-US", "Skip to main content")]
    [InlineData("/account/login", "ko-KR", "본문으로 건너뛰기")]
    public async Task The_first_tab_stop_is_the_skip_link_and_it_moves_focus_to_main(string path, string locale, string text)
    {
        var page = await browser.NewPageAsync(app, locale);
        await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 30_000 });
        if (!path.StartsWith("/account/"))
        {
            await page.WaitForBlazorAsync();
        }

        // Blazor puts focus on the page heading once the page has settled (FocusOnNavigate); the user presses Tab after that.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeFocusedAsync(new() { Timeout = 15_000 });

        await page.Keyboard.PressAsync("Tab");

        var skip = page.GetByRole(AriaRole.Link, new() { Name = text });
        await Expect(skip).ToBeFocusedAsync();
        await Expect(skip).ToBeInViewportAsync();

        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("main#main-content")).ToBeFocusedAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(path) + "$"));
        await page.Context.CloseAsync();
    }
}
