using System.Net;
using System.Net.Http.Json;
using Library.Tests.Admin;
using Library.Tests.TestSupport;
using Library.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Library.Tests.Accounts;

/// <summary>
/// Failed sign-ins are limited per client address (10) and per account (4, below the lockout threshold of 5) on the
/// sign-in page and /api/auth/login alike; every failure answers the same. Each test connects from its own 127.0.0.x.
/// </summary>
public sealed class SignInThrottleTests(LibraryApp app) : IClassFixture<LibraryApp>
{
    [Fact]
    public async Task Eleventh_failed_api_sign_in_from_one_address_answers_429_with_retry_after()
    {
        using var client = new WebSession(app.BaseAddress, "127.0.0.11");
        for (var i = 0; i < 10; i++)
        {
            var failed = await client.Http.PostAsJsonAsync("/api/auth/login", new { email = $"nobody{i}@library.local", password = "wrong password" });
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        var refused = await client.Http.PostAsJsonAsync("/api/auth/login", new { email = LibraryApp.PatronEmail, password = LibraryApp.PatronPassword });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After names the wait in seconds");

        using var elsewhere = new WebSession(app.BaseAddress, "127.0.0.12");
        var fromAnotherAddress = await elsewhere.Http.PostAsJsonAsync("/api/auth/login", new { email = LibraryApp.PatronEmail, password = LibraryApp.PatronPassword });
        Assert.Equal(HttpStatusCode.OK, fromAnotherAddress.StatusCode);
    }

    [Fact]
    public async Task Eleventh_failed_sign_in_on_the_page_from_one_address_answers_429_with_retry_after()
    {
        using var browser = new WebSession(app.BaseAddress, "127.0.0.21");
        for (var i = 0; i < 10; i++)
        {
            var failed = await SignInOnPageAsync(browser, $"nobody{i}@library.local", "wrong password");
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
            Assert.Contains("login-error", await failed.Content.ReadAsStringAsync());
        }

        var refused = await SignInOnPageAsync(browser, LibraryApp.PatronEmail, LibraryApp.PatronPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("Too many failed sign-ins", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Successful_sign_ins_do_not_use_up_the_address_budget()
    {
        using var client = new WebSession(app.BaseAddress, "127.0.0.31");
        for (var i = 0; i < 15; i++)
        {
            var ok = await client.Http.PostAsJsonAsync("/api/auth/login", new { email = LibraryApp.Patron2Email, password = LibraryApp.PatronPassword });
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }
    }

    [Fact]
    public async Task Unknown_account_wrong_password_and_locked_account_get_the_same_answer()
    {
        var locked = await app.NewPatronAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<LibraryUser>>();
            var user = await users.FindByIdAsync(locked.Id);
            // Identity's lockout reads the system clock, not the app's TimeProvider.
            await users.SetLockoutEndDateAsync(user!, DateTimeOffset.UtcNow.AddMinutes(15));
        }

        var answers = new List<(HttpStatusCode Status, string Body)>();
        var attempts = new[] { ("nobody-at-all@library.local", "wrong password"), (LibraryApp.PatronEmail, "wrong password"), (locked.Email, AdminApi.NewPatronPassword) };
        foreach (var (index, (email, password)) in attempts.Index())
        {
            using var client = new WebSession(app.BaseAddress, $"127.0.0.{41 + index}");
            var response = await client.Http.PostAsJsonAsync("/api/auth/login", new { email, password });
            answers.Add((response.StatusCode, await response.Content.ReadAsStringAsync()));
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Unauthorized, a.Status));
        // The same problem document (only the traceId differs per request).
        Assert.Single(answers.Select(a => System.Text.RegularExpressions.Regex.Replace(a.Body, "\"traceId\":\"[^\"]*\"", string.Empty)).Distinct());
        Assert.DoesNotContain("LockedOut", answers[2].Body);

        var pages = new List<string>();
        foreach (var (index, (email, password)) in attempts.Index())
        {
            using var browser = new WebSession(app.BaseAddress, $"127.0.0.{51 + index}");
            var page = await (await SignInOnPageAsync(browser, email, password)).Content.ReadAsStringAsync();
            pages.Add(page[page.IndexOf("login-error", StringComparison.Ordinal)..][..200]);
        }

        Assert.Single(pages.Distinct());
    }

    internal static Task<HttpResponseMessage> SignInOnPageAsync(WebSession browser, string email, string password) =>
        browser.SubmitFormAsync("/account/login", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
}

/// <summary>The per-account limit holds across addresses and answers 429 before lockout, so strangers cannot lock anyone out.</summary>
public sealed class SignInAccountThrottleTests
{
    [Fact]
    public async Task Failures_for_one_account_from_many_addresses_hit_429_not_a_lockout()
    {
        await using var app = new LibraryApp();
        await app.InitializeAsync();

        for (var i = 0; i < 4; i++)
        {
            using var attacker = new WebSession(app.BaseAddress, $"127.0.1.{10 + i}");
            var failed = await attacker.Http.PostAsJsonAsync("/api/auth/login", new { email = LibraryApp.PatronEmail, password = "guess " + i });
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        for (var i = 0; i < 5; i++)
        {
            using var attacker = new WebSession(app.BaseAddress, $"127.0.1.{20 + i}");
            var refused = await attacker.Http.PostAsJsonAsync("/api/auth/login", new { email = LibraryApp.PatronEmail, password = "guess" });
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        }

        using (var browser = new WebSession(app.BaseAddress, "127.0.1.30"))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests,
                (await SignInThrottleTests.SignInOnPageAsync(browser, LibraryApp.PatronEmail, LibraryApp.PatronPassword)).StatusCode);
        }

        // The window ends; the owner's password works: the account was never locked.
        app.Clock.Advance(TimeSpan.FromMinutes(16));
        using var owner = new WebSession(app.BaseAddress, "127.0.1.40");
        var signedIn = await owner.Http.PostAsJsonAsync("/api/auth/login", new { email = LibraryApp.PatronEmail, password = LibraryApp.PatronPassword });
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
    }
}
