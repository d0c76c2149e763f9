using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Library.Tests.TestSupport;
using Library.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace Library.Tests.Accounts;

/// <summary>A fresh Production deployment: no demo data, no demo hint, and the first librarian through the one-time setup page.</summary>
public sealed partial class FirstRunInProductionTests
{
    [Fact]
    public async Task Production_seeds_nothing_and_the_setup_code_from_the_log_creates_the_first_librarian_once()
    {
        await using var app = new ProductionApp();
        await app.InitializeAsync();

        Assert.Equal(0, await app.WithDbAsync(db => db.Users.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.Books.CountAsync()));
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains("Demo accounts exist"));

        using var web = new WebSession(app.BaseAddress);
        var login = await (await web.GetAsync("/account/login")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(LibraryApp.LibrarianPassword, login);
        Assert.DoesNotContain("demo-hint", login);

        string? logLine = null;
        await Eventually.HoldsAsync(() => Task.FromResult((logLine = app.Logs.Lines.FirstOrDefault(l => l.Contains("/setup") && l.Contains("setup code"))) is not null),
            "the setup code in the log");
        Assert.Contains(app.BaseAddress.ToString().TrimEnd('/') + "/setup", logLine);
        var code = SetupCodePattern().Match(logLine!).Value;
        Assert.NotEmpty(code);

        var wrong = await SubmitSetupAsync(web, "AAAA-BBBB-CCCC-DDDD");
        Assert.Contains("setup-error", await wrong.Content.ReadAsStringAsync());
        Assert.Equal(0, await app.WithDbAsync(db => db.Users.CountAsync()));

        var right = await SubmitSetupAsync(web, code);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.EndsWith("/admin", right.Headers.Location?.OriginalString);
        using var librarian = await app.SignInApiAsync("head@library.example", "correct horse battery staple");
        Assert.Equal(HttpStatusCode.OK, (await librarian.GetAsync("/api/admin/overview")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await web.GetAsync("/setup")).StatusCode);
        using var other = new WebSession(app.BaseAddress);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/setup")).StatusCode);
    }

    [Fact]
    public async Task Production_with_setup_configuration_creates_the_librarian_and_has_no_setup_page()
    {
        await using var app = new ProductionApp();
        app.With("Setup:LibrarianEmail", "chief@library.example").With("Setup:LibrarianPassword", "a secret from the cluster");
        await app.InitializeAsync();

        using var librarian = await app.SignInApiAsync("chief@library.example", "a secret from the cluster");
        Assert.Equal(HttpStatusCode.OK, (await librarian.GetAsync("/api/admin/overview")).StatusCode);
        using var web = new WebSession(app.BaseAddress);
        Assert.Equal(HttpStatusCode.NotFound, (await web.GetAsync("/setup")).StatusCode);
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains("setup code"));
    }

    [Fact]
    public async Task Production_warns_at_start_while_demo_accounts_exist()
    {
        await using var app = new ProductionApp();
        app.With("Seed:Demo", "true");
        await app.InitializeAsync();

        Assert.Contains(app.Logs.Lines, l => l.StartsWith("Warning") && l.Contains("Demo accounts exist") && l.Contains(LibraryApp.LibrarianEmail));
    }

    [Fact]
    public async Task Sign_in_page_shows_demo_passwords_only_while_the_demo_accounts_have_them()
    {
        await using var app = new LibraryApp();
        await app.InitializeAsync();
        using var web = new WebSession(app.BaseAddress);
        Assert.Contains(LibraryApp.LibrarianPassword, await (await web.GetAsync("/account/login")).Content.ReadAsStringAsync());

        using var librarian = await app.SignInApiAsync(LibraryApp.LibrarianEmail, LibraryApp.LibrarianPassword);
        var changed = await librarian.PostAsJsonAsync("/api/auth/manage/info",
            new { oldPassword = LibraryApp.LibrarianPassword, newPassword = "a new librarian password" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        var page = await (await web.GetAsync("/account/login")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(LibraryApp.LibrarianPassword, page);
        Assert.Contains(LibraryApp.PatronPassword, page);
    }

    private static Task<HttpResponseMessage> SubmitSetupAsync(WebSession web, string code) =>
        web.SubmitFormAsync("/setup", "setup", new Dictionary<string, string>
        {
            ["Input.Code"] = code,
            ["Input.DisplayName"] = "Head Librarian",
            ["Input.Email"] = "head@library.example",
            ["Input.Password"] = "correct horse battery staple",
        });

    [GeneratedRegex("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}")]
    private static partial Regex SetupCodePattern();
}
