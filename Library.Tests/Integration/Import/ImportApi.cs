using System.Net.Http.Headers;
using System.Text;
using Library.Tests.TestSupport;

namespace Library.Tests.Integration.Import;

internal static class ImportApi
{
    public sealed record Rejection(int Line, string Error);

    public sealed record Result(int Imported, int Updated, int Skipped, List<Rejection> Rejected);

    public const string Header = "isbn,title,author,publisher,year,copies,description";

    public static Task<HttpResponseMessage> PostImportAsync(
        this HttpClient librarian, byte[] body, string query = "", string contentType = "text/csv")
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return librarian.PostAsync("/api/admin/books/import" + (query.Length > 0 ? "?" + query : ""), content);
    }

    public static async Task<Result> ImportAsync(this HttpClient librarian, string csv, string query = "")
    {
        var response = await librarian.PostImportAsync(Encoding.UTF8.GetBytes(csv), query);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<Result>();
    }

    public static string Csv(params string[] rows) => string.Join("\n", [Header, .. rows]) + "\n";
}
