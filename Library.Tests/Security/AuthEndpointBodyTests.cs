using System.Net;
using System.Text.Json;
using Library.Tests.TestSupport;

namespace Library.Tests.Security;

/// <summary>Identity's /api/auth endpoints answer bad bodies with 400 problem details, never a 500 or an empty 400.</summary>
public sealed class AuthEndpointBodyTests(LibraryApp app) : IClassFixture<LibraryApp>
{
    [Theory]
    [InlineData("/api/auth/login", """{"email":null,"password":"whatever it is"}""")]
    [InlineData("/api/auth/forgotPassword", """{"email":null}""")]
    [InlineData("/api/auth/resendConfirmationEmail", """{"email":null}""")]
    [InlineData("/api/auth/resetPassword", """{"email":null,"resetCode":"x","newPassword":"a long new password"}""")]
    public async Task A_null_email_is_a_400_problem_naming_the_field(string url, string body)
    {
        using var anonymous = app.CreateApiClient();

        var response = await anonymous.PostAsync(url, Http.Json(body));

        await Http.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty("email", out _));
    }

    [Theory]
    [InlineData("/api/auth/login", "{")]
    [InlineData("/api/auth/login", "[1,2]")]
    [InlineData("/api/auth/register", "\"just text\"")]
    [InlineData("/api/auth/forgotPassword", "{\"email\": 5}")]
    [InlineData("/api/auth/refresh", "")]
    public async Task A_malformed_body_is_a_400_problem(string url, string body)
    {
        using var anonymous = app.CreateApiClient();

        var response = await anonymous.PostAsync(url, Http.Json(body));

        await Http.AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_malformed_borrow_body_is_a_400_problem()
    {
        using var patron = await app.SignInPatronAsync();

        await Http.AssertProblemAsync(await patron.PostAsync("/api/loans", Http.Json("{\"bookId\": 1,")), HttpStatusCode.BadRequest);
    }
}
