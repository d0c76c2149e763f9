using System.Net.Http.Headers;
using System.Net.Http.Json;
using Library.Tests.TestSupport;

namespace Library.Tests.Integration.Covers;

internal static class CoverApi
{
    public sealed record Version(string Value);

    public static HttpRequestMessage PutRequest(int bookId, byte[] bytes, string contentType = "image/png")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new HttpRequestMessage(HttpMethod.Put, $"/api/books/{bookId}/cover") { Content = content };
    }

    public static Task<HttpResponseMessage> PutCoverAsync(this HttpClient client, int bookId, byte[] bytes, string contentType = "image/png") =>
        client.SendAsync(PutRequest(bookId, bytes, contentType));

    /// <summary>Uploads a cover that must be accepted; answers its version.</summary>
    public static async Task<string> SetCoverAsync(this HttpClient librarian, int bookId, byte[]? bytes = null)
    {
        using var response = await librarian.PutCoverAsync(bookId, bytes ?? TestImages.Png());
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<Dictionary<string, string>>(Api.Json);
        return body!["version"];
    }
}
