using Library.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Library.Tests.E2E.Accounts;

/// <summary>Signed-in devices (sign one out from another) and deleting one's own account.</summary>
[Collection(SecondBrowserCollection.Name)]
public sealed class SessionsAndDeletionTests(BrowserFixture browser, LibraryApp app) : IClassFixture<LibraryApp>
{
    [Fact]
    public async Task Signing_out_another_device_signs_it_out_at_its_next_page_load()
    {
        var email = await app.RegisterAsync();
        var laptop = await browser.SignedInPageAsync(app, email, AccountTestKit.Password, "/account/manage/sessions");
        var phone = await browser.SignedInPageAsync(app, email, AccountTestKit.Password, "/my-loans");
        await Expect(phone).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/my-loans$"));

        await laptop.ReloadAsync();
        await Expect(laptop.GetByTestId("session-current")).ToContainTextAsync("This device");
        await Expect(laptop.GetByTestId("session-other")).ToHaveCountAsync(1);
        await Expect(laptop.GetByTestId("session-other")).ToContainTextAsync("Chrome on Linux");
        await laptop.GetByTestId("session-other").GetByRole(AriaRole.Button).ClickAsync();

        await Expect(laptop.GetByTestId("sessions-status")).ToContainTextAsync("Signed out 1 session");
        await Expect(laptop.GetByTestId("session-other")).ToHaveCountAsync(0);
        await phone.GotoAsync("/my-loans");
        await Expect(phone).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
        await laptop.GotoAsync("/my-loans");
        await Expect(laptop).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/my-loans$"));
    }

    [Fact]
    public async Task Sign_out_all_other_devices_leaves_only_this_one()
    {
        var email = await app.RegisterAsync();
        var others = new List<IPage>();
        for (var i = 0; i < 2; i++)
        {
            others.Add(await browser.SignedInPageAsync(app, email, AccountTestKit.Password, "/"));
        }

        var page = await browser.SignedInPageAsync(app, email, AccountTestKit.Password, "/account/manage/sessions");
        await Expect(page.GetByTestId("session-other")).ToHaveCountAsync(2);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out all other devices" }).ClickAsync();

        await Expect(page.GetByTestId("sessions-status")).ToContainTextAsync("Signed out 2 session");
        foreach (var other in others)
        {
            await other.GotoAsync("/my-loans");
            await Expect(other).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
        }
    }

    [Fact]
    public async Task Deleting_is_refused_while_a_book_is_on_loan_and_afterwards_the_account_cannot_sign_in()
    {
        var email = await app.RegisterAsync();
        var userId = await app.UserIdAsync(email);
        using var api = await app.SignInApiAsync(email, AccountTestKit.Password);
        var book = await api.FindBookWithCopiesAsync(1, skip: 3);
        var loan = await (await api.BorrowAsync(book.Id, 1)).ReadAsync<Api.Loan>();

        var page = await browser.SignedInPageAsync(app, email, AccountTestKit.Password, "/account/manage/delete");
        await Expect(page.GetByTestId("delete-blocked")).ToContainTextAsync("You still have 1 book(s) on loan");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Delete my account" })).ToHaveCountAsync(0);

        (await api.ReturnAsync(loan.Id, 1)).EnsureSuccessStatusCode();
        await page.ReloadAsync();
        await page.GetByLabel("Your password, to confirm").FillAsync("wrong password here");
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete my account" }).ClickAsync();
        await Expect(page.GetByTestId("delete-error")).ToContainTextAsync("The password is not correct.");
        await page.GetByLabel("Your password, to confirm").FillAsync(AccountTestKit.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete my account" }).ClickAsync();

        await Expect(page.GetByTestId("account-deleted")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true }).First).ToBeVisibleAsync();
        Assert.False(await app.CanSignInAsync(email, AccountTestKit.Password));
        // The loan history keeps pointing at the (anonymised) account; the audit log records the deletion.
        var (loans, userEmail, audited) = await app.WithDbAsync(async db => (
            await db.Loans.CountAsync(l => l.PatronId == userId),
            await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleAsync(),
            await db.Set<Library.Web.Features.Admin.Audit.AuditEntry>().CountAsync(a => a.EntityId == userId && a.Action == "Patron.AccountDeleted")));
        Assert.Equal(1, loans);
        Assert.DoesNotContain(email, userEmail);
        Assert.Equal(1, audited);
    }

    [Fact]
    public async Task The_only_librarian_cannot_delete_their_account()
    {
        var page = await browser.SignedInPageAsync(app, LibraryApp.LibrarianEmail, LibraryApp.LibrarianPassword, "/account/manage/delete");
        await Expect(page.GetByTestId("delete-blocked")).ToContainTextAsync("You are the only librarian");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Delete my account" })).ToHaveCountAsync(0);
    }
}
