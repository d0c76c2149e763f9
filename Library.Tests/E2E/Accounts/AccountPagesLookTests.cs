using Library.Tests.E2E.Pages;
using Library.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Library.Tests.E2E.Accounts;

/// <summary>The account pages in English and Korean at desktop and phone widths: no sideways scrolling; screenshots to look at.</summary>
[Collection(SecondBrowserCollection.Name)]
public sealed class AccountPagesLookTests(BrowserFixture browser, LibraryApp app) : IClassFixture<LibraryApp>
{
    private static readonly string[] Pages =
        ["/account/manage", "/account/manage/email", "/account/manage/password", "/account/manage/sessions", "/account/manage/delete"];

    [Theory]
    [InlineData("en", 1366)]
    [InlineData("en", 375)]
    [InlineData("ko", 1366)]
    [InlineData("ko", 375)]
    public async Task Account_pages_fit_the_screen_in_both_languages(string culture, int width)
    {
        var email = await app.RegisterAsync();
        var page = await browser.SignedInPageAsync(app, email, AccountTestKit.Password, "/");
        await page.SetViewportSizeAsync(width, 900);
        await page.GotoAsync($"/culture/set?culture={culture}&returnUrl=/account/manage");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", culture);

        foreach (var path in Pages)
        {
            await page.GotoAsync(path);
            await Expect(page.Locator("h1")).ToBeVisibleAsync();
            await page.SaveScreenshotAsync($"account{path.Replace("/account", "").Replace('/', '-')}-{culture}-{width}", fullPage: true);
            Assert.True(await page.HorizontalOverflowAsync() <= 0, $"{path} scrolls sideways at {width} px in {culture}");
        }

        await page.Context.ClearCookiesAsync();
        await page.GotoAsync($"/culture/set?culture={culture}&returnUrl=/account/forgot-password");
        await page.SaveScreenshotAsync($"account-forgot-password-{culture}-{width}", fullPage: true);
        Assert.True(await page.HorizontalOverflowAsync() <= 0, $"forgot-password scrolls sideways at {width} px in {culture}");
    }
}
