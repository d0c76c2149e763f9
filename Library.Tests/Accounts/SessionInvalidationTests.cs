using System.Net;
using System.Net.Http.Json;
using Library.Tests.Admin;
using Library.Tests.TestSupport;

namespace Library.Tests.Accounts;

/// <summary>A password change ends every other session within a minute; refresh tokens are single use; sign-out needs the form's token.</summary>
public sealed class SessionInvalidationTests
{
    private const string NewPassword = "a different long password";

    [Fact]
    public async Task Bearer_token_and_cookie_stop_working_within_a_minute_of_a_password_change()
    {
        await using var app = new LibraryApp();
        await app.InitializeAsync();
        var patron = await app.NewPatronAsync();
        using var browser = new WebSession(app.BaseAddress);
        var signedIn = await SignInThrottleTests.SignInOnPageAsync(browser, patron.Email, AdminApi.NewPatronPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/me/loans")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await patron.Client.GetAsync("/api/me/loans")).StatusCode);

        using var phone = await app.SignInApiAsync(patron.Email, AdminApi.NewPatronPassword);
        var changed = await phone.PostAsJsonAsync("/api/auth/manage/info", new { oldPassword = AdminApi.NewPatronPassword, newPassword = NewPassword });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        app.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.Unauthorized, (await patron.Client.GetAsync("/api/me/loans")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/me/loans")).StatusCode);
        using var again = await app.SignInApiAsync(patron.Email, NewPassword);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/me/loans")).StatusCode);
    }

    [Fact]
    public async Task An_unchanged_sign_in_stays_signed_in_through_the_periodic_stamp_checks()
    {
        await using var app = new LibraryApp();
        await app.InitializeAsync();
        using var browser = new WebSession(app.BaseAddress);
        await SignInThrottleTests.SignInOnPageAsync(browser, LibraryApp.PatronEmail, LibraryApp.PatronPassword);

        for (var check = 0; check < 3; check++)
        {
            app.Clock.Advance(TimeSpan.FromSeconds(61));
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/me/loans")).StatusCode);
        }
    }

    [Fact]
    public async Task A_refresh_token_works_once()
    {
        await using var app = new LibraryApp();
        await app.InitializeAsync();
        using var anonymous = app.CreateApiClient();
        var login = await (await anonymous.PostAsJsonAsync("/api/auth/login", new { email = LibraryApp.PatronEmail, password = LibraryApp.PatronPassword }))
            .ReadAsync<Tokens>();

        var first = await anonymous.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = login.RefreshToken });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var second = await anonymous.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = login.RefreshToken });
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);

        var renewed = await first.ReadAsync<Tokens>();
        using var client = app.CreateApiClient(renewed.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me/loans")).StatusCode);
    }

    [Fact]
    public async Task Sign_out_without_the_antiforgery_token_is_refused_and_with_it_works()
    {
        await using var app = new LibraryApp();
        await app.InitializeAsync();
        using var browser = new WebSession(app.BaseAddress);
        await SignInThrottleTests.SignInOnPageAsync(browser, LibraryApp.PatronEmail, LibraryApp.PatronPassword);

        var forged = await browser.Http.PostAsync("/account/logout", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/me/loans")).StatusCode);

        var token = await browser.AntiforgeryTokenAsync("/my-loans");
        Assert.NotNull(token);
        var real = await browser.Http.PostAsync("/account/logout", new FormUrlEncodedContent([new("__RequestVerificationToken", token!)]));
        Assert.Equal(HttpStatusCode.Redirect, real.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/me/loans")).StatusCode);
    }

    private sealed record Tokens(string AccessToken, string RefreshToken);
}
