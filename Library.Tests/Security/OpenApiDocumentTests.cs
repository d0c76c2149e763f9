using System.Net;
using System.Text.Json;
using Library.Tests.TestSupport;

namespace Library.Tests.Security;

/// <summary>The OpenAPI document says what the API answers: every error status with problem details, borrow by id or ISBN, HEAD.</summary>
public sealed class OpenApiDocumentTests(LibraryApp app) : IClassFixture<LibraryApp>
{
    [Theory]
    [InlineData("/api/loans", "post", new[] { 201, 400, 401, 403, 404, 409, 413, 429 })]
    [InlineData("/api/loans/{id}/return", "post", new[] { 200, 400, 401, 403, 404, 409, 413, 429 })]
    [InlineData("/api/books", "get", new[] { 200, 400, 503 })]
    [InlineData("/api/books/{id}", "get", new[] { 200, 404 })]
    [InlineData("/api/admin/patrons/{id}/unblock", "post", new[] { 204, 401, 403, 404, 409 })]
    [InlineData("/api/auth/login", "post", new[] { 200, 400, 401, 403, 413, 429 })]
    public async Task Each_operation_lists_its_error_statuses_with_the_problem_details_schema(string path, string method, int[] statuses)
    {
        using var document = await ApiDocument.LoadAsync(app);

        var responses = document.Responses(path, method);

        Assert.Equal(statuses.Order(), responses.Keys.Order());
        foreach (var status in statuses.Where(s => s >= 400))
        {
            Assert.True(responses[status].GetProperty("content").TryGetProperty("application/problem+json", out _), $"{method} {path} {status}");
        }
    }

    [Fact]
    public async Task The_borrow_request_takes_a_book_id_or_an_isbn_not_both()
    {
        using var document = await ApiDocument.LoadAsync(app);

        var schema = document.Schema("BorrowRequest");

        Assert.Equal(["quantity"], schema.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        var alternatives = schema.GetProperty("oneOf").EnumerateArray()
            .Select(a => string.Join(",", a.GetProperty("required").EnumerateArray().Select(e => e.GetString())));
        Assert.Equal(["bookId", "isbn"], alternatives);
    }

    [Theory]
    [InlineData("/api/books?pageSize=3", HttpStatusCode.OK)]
    [InlineData("/api/books/999999", HttpStatusCode.NotFound)]
    [InlineData("/api/me/loans", HttpStatusCode.Unauthorized)]
    [InlineData("/api/openapi/v1.json", HttpStatusCode.OK)]
    public async Task Head_answers_what_get_answers_without_a_body(string url, HttpStatusCode expected)
    {
        using var anonymous = app.CreateApiClient();
        var get = await anonymous.GetAsync(url);

        var head = await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));

        Assert.Equal(expected, get.StatusCode);
        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }
}

/// <summary>The live /api/openapi/v1.json of a running app.</summary>
internal sealed class ApiDocument(JsonDocument json) : IDisposable
{
    public JsonElement Root => json.RootElement;

    public static async Task<ApiDocument> LoadAsync(LibraryApp app)
    {
        using var client = app.CreateApiClient();
        return new ApiDocument(JsonDocument.Parse(await client.GetStringAsync("/api/openapi/v1.json")));
    }

    public IEnumerable<(string Path, string Method, JsonElement Operation)> Operations() =>
        Root.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject()
                .Where(m => m.Name is "get" or "post" or "put" or "delete" or "patch")
                .Select(m => (p.Name, m.Name, m.Value)));

    public Dictionary<int, JsonElement> Responses(string path, string method) =>
        Root.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses").EnumerateObject()
            .ToDictionary(r => int.Parse(r.Name, System.Globalization.CultureInfo.InvariantCulture), r => r.Value);

    public JsonElement Schema(string name) => Root.GetProperty("components").GetProperty("schemas").GetProperty(name);

    /// <summary>"/api/books/{id:int}" (a route pattern) → "/api/books/{id}" (a document path).</summary>
    public static string PathOf(string route) =>
        System.Text.RegularExpressions.Regex.Replace(route.TrimEnd('/'), "\\{([^}:]+)(:[^}]+)?\\}", "{$1}");

    public void Dispose() => json.Dispose();
}
