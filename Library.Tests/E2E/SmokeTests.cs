using Library.Tests.TestSupport;
using Microsoft.Playwright;

namespace Library.Tests.E2E;

[Collection(BrowserCollection.Name)]
public sealed class SmokeTests(BrowserFixture browser, LibraryApp app) : IClassFixture<LibraryApp>
{
    private readonly BrowserFixture _browser = browser;

    [Fact]
    public async Task Home_page_opens_and_demo_patron_can_sign_in()
    {
        var page = await _browser.NewPageAsync(app);

        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome to the library" })).ToBeVisibleAsync();

        await page.SignInAsync(LibraryApp.PatronEmail, LibraryApp.PatronPassword);

        await Assertions.Expect(page.GetByTestId("welcome-user")).ToContainTextAsync("Demo Patron");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "My loans" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Wrong_password_shows_a_message_and_stays_signed_out()
    {
        var page = await _browser.NewPageAsync(app);

        await page.GotoAsync("/account/login");
        await page.GetByLabel("E-mail").FillAsync(LibraryApp.PatronEmail);
        await page.GetByLabel("Password").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("login-error")).ToContainTextAsync("not correct");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Korean_browser_gets_the_korean_interface()
    {
        var page = await _browser.NewPageAsync(app, locale: "ko-KR");

        await page.GotoAsync("/");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "도서관에 오신 것을 환영합니다" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ko");
    }
}
