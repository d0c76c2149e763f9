using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Library.Bench;

/// <summary>A signed-in API client for one patron.</summary>
internal sealed class Patron(string email, HttpClient http)
{
    public string Email { get; } = email;
    public HttpClient Http { get; } = http;

    public static async Task<Patron> RegisterAsync(Uri baseAddress, SocketsHttpHandler handler, string email, string password)
    {
        var http = new HttpClient(handler, disposeHandler: false) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var register = await http.PostAsJsonAsync("/api/auth/register", new { email, password });
        if (!register.IsSuccessStatusCode && register.StatusCode != System.Net.HttpStatusCode.BadRequest)
        {
            throw new InvalidOperationException($"register {email}: {(int)register.StatusCode}");
        }

        var login = await http.PostAsJsonAsync("/api/auth/login", new { email, password });
        login.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await login.Content.ReadAsStringAsync());
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.RootElement.GetProperty("accessToken").GetString());
        return new Patron(email, http);
    }

    public static Guid? LoanId(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.TryGetProperty("id", out var id) ? id.GetGuid() : null;
    }
}
