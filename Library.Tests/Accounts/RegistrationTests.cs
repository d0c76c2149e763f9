using System.Net;
using System.Net.Http.Json;
using Library.Tests.TestSupport;
using Library.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace Library.Tests.Accounts;

/// <summary>Sign-up through the API and the page: the same account, the same rules, and no way to learn which addresses exist.</summary>
public sealed class RegistrationTests(LibraryApp app) : IClassFixture<LibraryApp>
{
    private const string GoodPassword = "seven bright lanterns";

    [Fact]
    public async Task Api_registration_gives_the_patron_role_and_the_display_name()
    {
        var email = NewEmail();
        using var anonymous = app.CreateApiClient();
        var response = await anonymous.PostAsJsonAsync("/api/auth/register", new { email, password = GoodPassword, displayName = "Kim Jiwoo" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var (name, roles) = await app.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            var roleNames = await db.UserRoles.Where(r => r.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync();
            return (user.DisplayName, roleNames);
        });
        Assert.Equal("Kim Jiwoo", name);
        Assert.Equal([Roles.Patron], roles);

        using var patron = await app.SignInApiAsync(email, GoodPassword);
        Assert.Equal(HttpStatusCode.OK, (await patron.GetAsync("/api/me/dashboard")).StatusCode);
    }

    [Fact]
    public async Task Api_registration_of_an_existing_address_answers_like_a_new_one_and_mails_the_owner()
    {
        using var anonymous = app.CreateApiClient();
        var fresh = await anonymous.PostAsJsonAsync("/api/auth/register", new { email = NewEmail(), password = GoodPassword });
        var existing = await anonymous.PostAsJsonAsync("/api/auth/register", new { email = LibraryApp.Patron2Email, password = GoodPassword });

        Assert.Equal(fresh.StatusCode, existing.StatusCode);
        Assert.Equal(await fresh.Content.ReadAsStringAsync(), await existing.Content.ReadAsStringAsync());
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync(u => u.Email == LibraryApp.Patron2Email)));
        using var owner = await app.SignInApiAsync(LibraryApp.Patron2Email, LibraryApp.PatronPassword);

        var pickup = Path.Combine(app.DataDirectory, "mail-pickup");
        await Eventually.HoldsAsync(() => Task.FromResult(Directory.Exists(pickup) && Directory.GetFiles(pickup, "*.eml")
            .Select(f => MimeKit.MimeMessage.Load(f))
            .Any(m => m.To.ToString().Contains(LibraryApp.Patron2Email) && (m.TextBody ?? string.Empty).Contains("tried to create a library account"))), "a mail to the owner");
    }

    [Theory]
    [InlineData("long", "PasswordTooLong")]
    [InlineData("email", "PasswordIsEmail")]
    [InlineData("1qaz2wsx3edc", "PasswordIsCommon")]
    [InlineData("short", "PasswordTooShort")]
    public async Task Api_registration_refuses_bad_passwords_with_a_clear_reason(string password, string code)
    {
        var email = NewEmail();
        password = password switch { "long" => new string('x', 129), "email" => email, "short" => "short", _ => password };
        using var anonymous = app.CreateApiClient();
        var response = await anonymous.PostAsJsonAsync("/api/auth/register", new { email, password });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(code, await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await app.WithDbAsync(db => db.Users.CountAsync(u => u.Email == email)));
    }

    [Theory]
    [InlineData("email", "must not be your e-mail address")]
    [InlineData("1qaz2wsx3edc", "one of the most common")]
    [InlineData("long", "12 to 128 characters")]
    public async Task Sign_up_page_explains_a_refused_password_once_and_never_sends_it_back(string password, string message)
    {
        var email = NewEmail();
        password = password switch { "long" => new string('y', 129), "email" => email, _ => password };
        using var browser = new WebSession(app.BaseAddress);
        var page = await (await SignUpAsync(browser, email, password)).Content.ReadAsStringAsync();

        Assert.Equal(1, Occurrences(page, message));
        Assert.DoesNotMatch("<input[^>]*type=\"password\"[^>]*value=|<input[^>]*value=\"[^\"]+\"[^>]*type=\"password\"", page);
        if (password != email)
        {
            Assert.DoesNotContain(password, page);
        }
    }

    [Fact]
    public async Task Sign_up_with_an_existing_address_shows_the_same_single_message_as_a_new_one()
    {
        using var browser = new WebSession(app.BaseAddress);
        var existing = await (await SignUpAsync(browser, LibraryApp.PatronEmail, GoodPassword)).Content.ReadAsStringAsync();
        var newEmail = NewEmail();
        var fresh = await (await SignUpAsync(browser, newEmail, GoodPassword)).Content.ReadAsStringAsync();

        Assert.Equal(1, Occurrences(existing, "data-testid=\"register-done\""));
        Assert.Equal(1, Occurrences(fresh, "data-testid=\"register-done\""));
        Assert.DoesNotContain("register-error", existing);
        Assert.DoesNotContain(GoodPassword, existing);
        Assert.Equal(Answer(existing).Replace(LibraryApp.PatronEmail, "X"), Answer(fresh).Replace(newEmail, "X"));
    }

    [Fact]
    public async Task Failed_sign_in_page_does_not_contain_the_typed_password()
    {
        using var browser = new WebSession(app.BaseAddress, "127.0.0.61");
        var page = await (await SignInThrottleTests.SignInOnPageAsync(browser, LibraryApp.PatronEmail, "my secret attempt")).Content.ReadAsStringAsync();

        Assert.Contains("login-error", page);
        Assert.DoesNotContain("my secret attempt", page);
    }

    [Fact]
    public async Task Name_box_is_a_text_input_that_the_form_styles()
    {
        using var browser = new WebSession(app.BaseAddress);
        var page = await (await browser.GetAsync("/account/register")).Content.ReadAsStringAsync();
        Assert.Matches("<input[^>]*id=\"name\"[^>]*type=\"text\"|<input[^>]*type=\"text\"[^>]*id=\"name\"", page);
    }

    private static Task<HttpResponseMessage> SignUpAsync(WebSession browser, string email, string password) =>
        browser.SubmitFormAsync("/account/register", "register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "New Reader",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        });

    private static string Answer(string page)
    {
        var start = page.IndexOf("register-done", StringComparison.Ordinal);
        return page[start..page.IndexOf("</div>", start, StringComparison.Ordinal)];
    }

    private static string NewEmail() => $"r{Guid.NewGuid():N}"[..13] + "@test.local";

    private static int Occurrences(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
