using Library.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Library.Tests.E2E.Accounts;

/// <summary>/account/manage: name, password and e-mail address, each as a patron would change them.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ManageAccountTests(BrowserFixture browser, LibraryApp app) : IClassFixture<LibraryApp>
{
    [Fact]
    public async Task The_user_menu_leads_to_my_account_and_a_new_name_shows_in_the_app_bar()
    {
        var email = await app.RegisterAsync();
        var page = await browser.SignedInPageAsync(app, email, AccountTestKit.Password, "/");
        await page.GetByRole(AriaRole.Link, new() { Name = "My account" }).ClickAsync();
        await Expect(page.GetByTestId("account-email")).ToHaveTextAsync(email);

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Kim Jiwoo");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save name" }).ClickAsync();

        await Expect(page.GetByTestId("manage-status")).ToContainTextAsync("Your name has been saved");
        await Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync("Kim Jiwoo");
        Assert.Equal("Kim Jiwoo", await app.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Email == email).DisplayName)));
    }

    [Fact]
    public async Task After_a_password_change_the_old_password_no_longer_signs_in()
    {
        var email = await app.RegisterAsync();
        var page = await browser.SignedInPageAsync(app, email, AccountTestKit.Password, "/account/manage/password");
        await page.GetByLabel("Current password").FillAsync(AccountTestKit.Password);
        await page.GetByLabel("New password").FillAsync(AccountTestKit.NewPassword);
        await page.GetByLabel("Confirm password").FillAsync(AccountTestKit.NewPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();

        await Expect(page.GetByTestId("manage-status")).ToContainTextAsync("Your password has been changed");
        Assert.False(await app.CanSignInAsync(email, AccountTestKit.Password));
        Assert.True(await app.CanSignInAsync(email, AccountTestKit.NewPassword));
    }

    [Fact]
    public async Task A_new_email_address_counts_only_after_its_link_is_opened_and_the_old_address_is_told()
    {
        var oldEmail = await app.RegisterAsync();
        var newEmail = "new-" + oldEmail;
        var page = await browser.SignedInPageAsync(app, oldEmail, AccountTestKit.Password, "/account/manage/email");
        await page.GetByLabel("New e-mail address").FillAsync(newEmail);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send confirmation link" }).ClickAsync();
        await Expect(page.GetByTestId("email-sent")).ToContainTextAsync(newEmail);

        var notice = await app.MailToAsync(oldEmail, "Your e-mail address is about to change");
        Assert.Contains(newEmail, notice.TextBody);
        var confirmation = await app.MailToAsync(newEmail, "Confirm your new e-mail address");
        Assert.True(await app.CanSignInAsync(oldEmail, AccountTestKit.Password), "the old address signs in until the link is opened");
        Assert.False(await app.CanSignInAsync(newEmail, AccountTestKit.Password));

        // Opened on another device, not signed in.
        var phone = await browser.NewPageAsync(app);
        await phone.GotoAsync(confirmation.LinkTo("/account/confirm-email-change"));
        await Expect(phone.GetByTestId("confirm-email-done")).ToContainTextAsync(newEmail);

        Assert.True(await app.CanSignInAsync(newEmail, AccountTestKit.Password));
        Assert.False(await app.CanSignInAsync(oldEmail, AccountTestKit.Password));
        await page.GotoAsync("/account/manage");
        await Expect(page.GetByTestId("account-email")).ToHaveTextAsync(newEmail);
    }

    [Fact]
    public async Task The_forms_say_what_is_wrong_and_change_nothing()
    {
        var email = await app.RegisterAsync();
        var page = await browser.SignedInPageAsync(app, email, AccountTestKit.Password, "/account/manage/password");

        await page.GetByLabel("Current password").FillAsync("not my password at all");
        await page.GetByLabel("New password").FillAsync(AccountTestKit.NewPassword);
        await page.GetByLabel("Confirm password").FillAsync(AccountTestKit.NewPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Expect(page.GetByTestId("password-error")).ToContainTextAsync("The current password is not correct.");

        await page.GetByLabel("Current password").FillAsync(AccountTestKit.Password);
        await page.GetByLabel("New password").FillAsync("short");
        await page.GetByLabel("Confirm password").FillAsync("different");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Expect(page.GetByText("Passwords must be 12 to 128 characters long.")).ToBeVisibleAsync();
        await Expect(page.GetByText("The passwords do not match.")).ToBeVisibleAsync();

        await page.GotoAsync("/account/manage/email");
        await page.GetByLabel("New e-mail address").FillAsync(email.ToUpperInvariant());
        await page.GetByRole(AriaRole.Button, new() { Name = "Send confirmation link" }).ClickAsync();
        await Expect(page.GetByTestId("email-error")).ToContainTextAsync("That is already your e-mail address.");

        await page.GotoAsync("/account/manage");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("   ");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save name" }).ClickAsync();
        await Expect(page.GetByText("Enter your name.")).ToBeVisibleAsync();

        await page.GotoAsync("/account/forgot-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send reset link" }).ClickAsync();
        await Expect(page.GetByText("Enter your e-mail address.")).ToBeVisibleAsync();

        Assert.True(await app.CanSignInAsync(email, AccountTestKit.Password));
        Assert.DoesNotContain(await app.MailsToAsync(email), m => (m.Subject ?? "").Contains("about to change"));
    }
}
