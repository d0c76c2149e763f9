using System.Net;
using Library.Tests.TestSupport;

namespace Library.Tests.Integration;

/// <summary>/culture/set never fails and never sends anyone off-site, whatever it is given.</summary>
public sealed class CultureSwitchTests(LibraryApp app) : IClassFixture<LibraryApp>
{
    private HttpClient NoRedirects() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = app.BaseAddress };

    [Theory]
    [InlineData("/%5Cevil.example")]
    [InlineData("/%5C%5Cevil.example")]
    [InlineData("//evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("/%09/evil.example")]
    [InlineData("/%0D%0ALocation:%20https://evil.example")]
    [InlineData("/cata%0Alogue")]
    [InlineData("")]
    public async Task A_return_address_that_is_not_a_local_path_goes_home(string returnUrl)
    {
        using var client = NoRedirects();

        var response = await client.GetAsync($"/culture/set?culture=en&returnUrl={returnUrl}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_local_return_address_keeps_its_query()
    {
        using var client = NoRedirects();

        var response = await client.GetAsync("/culture/set?culture=ko&returnUrl=" + Uri.EscapeDataString("/catalogue?q=tolkien&page=2"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/catalogue?q=tolkien&page=2", response.Headers.Location!.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=") && c.Contains("ko"));
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("%0D%0A")]
    [InlineData("")]
    public async Task An_unsupported_culture_is_ignored(string culture)
    {
        using var client = NoRedirects();

        var response = await client.GetAsync($"/culture/set?culture={culture}&returnUrl=/catalogue");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/catalogue", response.Headers.Location!.OriginalString);
        Assert.False(response.Headers.Contains("Set-Cookie") &&
            response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith(".AspNetCore.Culture=")));
    }
}
