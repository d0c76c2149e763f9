using Library.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Library.Tests.E2E.Accounts;

/// <summary>Forgot password → a link by e-mail → a new password; the page never tells whether an address has an account.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PasswordResetTests(BrowserFixture browser, LibraryApp app) : IClassFixture<LibraryApp>
{
    [Fact]
    public async Task Forgot_password_mails_a_reset_link_and_the_new_password_signs_in()
    {
        var email = await app.RegisterAsync();
        var page = await browser.NewPageAsync(app);
        await page.GotoAsync("/account/login");
        await page.GetByRole(AriaRole.Link, new() { Name = "Forgot password?" }).ClickAsync();
        // The sign-in page has an "E-mail" box too: fill the forgot-password one only once that page is in.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send reset link" })).ToBeVisibleAsync();
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send reset link" }).ClickAsync();
        await Expect(page.GetByTestId("forgot-sent")).ToContainTextAsync("If an account exists");

        var mail = await app.MailToAsync(email, "Reset your library password");
        Assert.Contains("도서관 비밀번호 재설정", mail.Subject);
        var link = mail.LinkTo("/account/reset-password");
        Assert.StartsWith(app.BaseAddress.ToString().TrimEnd('/'), link);

        await page.GotoAsync(link);
        await Expect(page.GetByLabel("E-mail")).ToHaveValueAsync(email);
        await page.GetByLabel("New password").FillAsync(AccountTestKit.NewPassword);
        await page.GetByLabel("Confirm password").FillAsync(AccountTestKit.NewPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Set new password" }).ClickAsync();
        await Expect(page.GetByTestId("reset-done")).ToBeVisibleAsync();

        Assert.False(await app.CanSignInAsync(email, AccountTestKit.Password));
        await page.SignInAsync(email, AccountTestKit.NewPassword);
        await Expect(page.GetByTestId("my-account")).ToBeVisibleAsync();

        // The link works once.
        await page.Context.ClearCookiesAsync();
        await page.GotoAsync(link);
        await page.GetByLabel("New password").FillAsync("yet another long phrase");
        await page.GetByLabel("Confirm password").FillAsync("yet another long phrase");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set new password" }).ClickAsync();
        await Expect(page.GetByTestId("reset-error")).ToContainTextAsync("invalid or has expired");
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_answer_and_no_mail()
    {
        var known = await app.RegisterAsync();
        const string unknown = "nobody-here@test.local";

        var answers = new List<string>();
        foreach (var email in new[] { unknown, known })
        {
            var page = await browser.NewPageAsync(app);
            await page.GotoAsync("/account/forgot-password");
            await page.GetByLabel("E-mail").FillAsync(email);
            await page.GetByRole(AriaRole.Button, new() { Name = "Send reset link" }).ClickAsync();
            answers.Add((await page.GetByTestId("forgot-sent").InnerTextAsync()).Replace(email, "ADDRESS"));
            await page.Context.CloseAsync();
        }

        Assert.Equal(answers[0], answers[1]);
        // The known address's mail is written before its answer, so by now an unknown address's would exist too.
        await app.MailToAsync(known, "Reset your library password");
        Assert.Empty(await app.MailsToAsync(unknown));
    }

    [Fact]
    public async Task A_made_up_reset_code_is_refused_with_a_clear_message()
    {
        var email = await app.RegisterAsync();
        var page = await browser.NewPageAsync(app);
        await page.GotoAsync($"/account/reset-password?code=bm90LWEtdG9rZW4&email={Uri.EscapeDataString(email)}");
        await page.GetByLabel("New password").FillAsync(AccountTestKit.NewPassword);
        await page.GetByLabel("Confirm password").FillAsync(AccountTestKit.NewPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Set new password" }).ClickAsync();

        await Expect(page.GetByTestId("reset-error")).ToContainTextAsync("invalid or has expired");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Ask for a new link" })).ToBeVisibleAsync();
        Assert.True(await app.CanSignInAsync(email, AccountTestKit.Password));
    }
}
