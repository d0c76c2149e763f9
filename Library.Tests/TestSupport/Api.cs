using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Library.Tests.TestSupport;

/// <summary>Shapes of the JSON API as a client sees them.</summary>
public static class Api
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public sealed record Book(int Id, string Title, string Author, string Isbn, int TotalCopies, int AvailableCopies);
    public sealed record BookPage(List<Book> Items, int TotalCount, int Page, int PageSize, string? Suggestion = null);
    public sealed record Loan(Guid Id, int BookId, int Quantity, int QuantityReturned, DateTimeOffset BorrowedAt, DateTimeOffset DueAt, string Status);
    public sealed record ReturnResponse(Loan Loan, int DaysOverdue, long LateFeeCharged);
    public sealed record Dashboard(int BooksOnLoan, long AccumulatedFees, int OverdueLoans);
    public sealed record Problem(int Status, string? Title, string? Detail, string? Rule);

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<T>(Json);
        return body ?? throw new InvalidOperationException("Empty body");
    }

    public static Task<HttpResponseMessage> BorrowAsync(this HttpClient client, int bookId, int quantity) =>
        client.PostAsJsonAsync("/api/loans", new { bookId, quantity });

    public static Task<HttpResponseMessage> ReturnAsync(this HttpClient client, Guid loanId, int quantity) =>
        client.PostAsJsonAsync($"/api/loans/{loanId}/return", new { quantity });

    public static async Task<Book> FindBookWithCopiesAsync(this HttpClient client, int minAvailable, int skip = 0)
    {
        var page = await client.GetFromJsonAsync<BookPage>("/api/books?pageSize=100", Json);
        return page!.Items.Where(b => b.AvailableCopies >= minAvailable).Skip(skip).First();
    }
}
