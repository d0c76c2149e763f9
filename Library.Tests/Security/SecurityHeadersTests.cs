using Library.Tests.TestSupport;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Library.Tests.Security;

/// <summary>nosniff, a referrer policy and a Content-Security-Policy (frame-ancestors 'self') on pages, API answers and files.</summary>
public sealed class SecurityHeadersTests(LibraryApp app) : IClassFixture<LibraryApp>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/account/login")]
    [InlineData("/api/books")]
    [InlineData("/api/me/loans")]
    [InlineData("/app.css")]
    [InlineData("/no-such-page")]
    public async Task Every_answer_carries_the_security_headers(string url)
    {
        using var client = app.CreateApiClient();

        var response = await client.GetAsync(url);

        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("frame-ancestors 'self'", csp);
        Assert.Matches("script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')?;", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
    }

    [Fact]
    public async Task The_api_reference_page_gets_its_own_policy_for_its_start_up_script()
    {
        using var client = app.CreateApiClient();

        var response = await client.GetAsync("/api/docs/");

        Assert.Contains("frame-ancestors 'self'", Header(response, "Content-Security-Policy"));
    }

    [Fact]
    public void Hsts_lasts_one_year()
    {
        // Sent only over HTTPS and never for localhost, so the test reads the configured value.
        Assert.Equal(TimeSpan.FromDays(365), app.Services.GetRequiredService<IOptions<HstsOptions>>().Value.MaxAge);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(",", values)
            : throw new Xunit.Sdk.XunitException($"{name} missing on {response.RequestMessage?.RequestUri} ({(int)response.StatusCode})");
}
