using System.Net;
using System.Net.Http.Json;
using System.Text;
using Library.Tests.TestSupport;

namespace Library.Tests.Security;

/// <summary>Small helpers for the HTTP hardening tests: raw JSON bodies, cookie sessions, problem-details checks.</summary>
internal static class Http
{
    public static StringContent Json(string raw) => new(raw, Encoding.UTF8, "application/json");

    /// <summary>A client that keeps cookies, signed in through Identity's cookie login as a browser session would be.</summary>
    public static async Task<HttpClient> CookieSessionAsync(LibraryApp app, string email, string password)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = app.BaseAddress,
        };
        var response = await client.PostAsJsonAsync("/api/auth/login?useSessionCookies=true", new { email, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return client;
    }

    public static async Task<Api.Problem> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadAsync<Api.Problem>();
        Assert.Equal((int)expected, problem.Status);
        return problem;
    }

    public static async Task<int> AvailableCopiesAsync(HttpClient client, int bookId) =>
        (await client.GetFromJsonAsync<Api.Book>($"/api/books/{bookId}", Api.Json))!.AvailableCopies;
}
