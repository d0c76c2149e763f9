using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Library.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Library.Tests.Admin;

/// <summary>Shapes and helpers for the librarian's API, as a client sees them.</summary>
public static class AdminApi
{
    public sealed record BookInput(
        string Title, string Author, string Isbn, string? Publisher = null, int? Year = 2020, string? Description = null, int TotalCopies = 3);

    public sealed record AdminLoan(
        Guid Id, string PatronId, string PatronName, string PatronEmail, int BookId, string BookTitle, int Quantity, int QuantityReturned,
        DateTimeOffset DueAt, string Status, int DaysOverdue);

    public sealed record Page<T>(List<T> Items, int TotalCount, int PageNumber, int PageSize);

    public sealed record Fee(
        Guid Id, string PatronId, string PatronEmail, int BookId, string BookTitle, Guid LoanId, int DaysOverdue, long Amount, string Status,
        DateTimeOffset? SettledAt, string? WaiverReason, string? Kind = null);

    public sealed record FeePage(List<Fee> Items, int TotalCount, long TotalAmount);

    public sealed record PatronRow(string Id, string DisplayName, string Email, bool IsBlocked, string? BlockedReason, int CopiesOnLoan, int OverdueLoans, long OutstandingFees);

    public sealed record Activity(string Kind, int? BookId, string? BookTitle, int Quantity, long Amount);

    public sealed record PatronDetail(PatronRow Patron, bool IsLibrarian, List<AdminLoan> Loans, List<Fee> Fees, List<Activity> Activity);

    public sealed record AuditEntry(DateTimeOffset At, string ActorId, string ActorEmail, string Action, string EntityType, string EntityId, string? Summary, string? Before, string? After);

    public sealed record ValidationProblem(int Status, Dictionary<string, string[]> Errors);

    /// <summary>A new patron account of its own, so a test's loans and fees are not shared with other tests.</summary>
    public sealed record Patron(string Id, string Email, HttpClient Client) : IDisposable
    {
        public void Dispose() => Client.Dispose();
    }

    /// <summary>The password of every account <see cref="NewPatronAsync"/> registers (for signing in through the browser).</summary>
    public const string NewPatronPassword = "a long enough password";

    private static int _isbnCounter = Random.Shared.Next(1_000_000);

    /// <summary>A valid ISBN-13 that no demo book has (979-8 prefix, counter-based, correct check digit).</summary>
    public static string NewIsbn()
    {
        var body = "9798" + (Interlocked.Increment(ref _isbnCounter) % 100_000_000).ToString("D8");
        var sum = body.Select((c, i) => (c - '0') * (i % 2 == 0 ? 1 : 3)).Sum();
        return body + (10 - sum % 10) % 10;
    }

    public static BookInput NewBook(string? title = null, int copies = 3) =>
        new(title ?? "Admin test " + Guid.NewGuid().ToString("N")[..8], "Test Author", NewIsbn(), TotalCopies: copies);

    public static Task<HttpClient> SignInLibrarianAsync(this LibraryApp app) =>
        app.SignInApiAsync(LibraryApp.LibrarianEmail, LibraryApp.LibrarianPassword);

    public static async Task<Patron> NewPatronAsync(this LibraryApp app)
    {
        var email = $"p{Guid.NewGuid():N}"[..13] + "@test.local";
        const string password = NewPatronPassword;
        using var anonymous = app.CreateApiClient();
        var registered = await anonymous.PostAsJsonAsync("/api/auth/register", new { email, password });
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        return new Patron(await app.UserIdAsync(email), email, await app.SignInApiAsync(email, password));
    }

    public static async Task<Api.Book> CreateBookAsync(this HttpClient librarian, BookInput? input = null)
    {
        var response = await librarian.PostAsJsonAsync("/api/books", input ?? NewBook());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadAsync<Api.Book>();
    }

    public static async Task<Api.Loan> BorrowNewAsync(this HttpClient patron, int bookId, int quantity = 1)
    {
        var response = await patron.BorrowAsync(bookId, quantity);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadAsync<Api.Loan>();
    }

    public static Task<HttpResponseMessage> SetDueDateAsync(this HttpClient librarian, Guid loanId, DateTimeOffset dueAt) =>
        librarian.PutAsJsonAsync($"/api/loans/{loanId}/due-date", new { dueAt });

    /// <summary>
    /// Test setup: moves a loan's borrow moment back, so a due date in the past can be set (a due date may not be before the
    /// borrow day) without jumping the clock, which would expire every token.
    /// </summary>
    public static Task BackdateLoanAsync(this LibraryApp app, Guid loanId, int days = 30) =>
        app.WithDbAsync(async db =>
        {
            var loan = await db.Loans.SingleAsync(l => l.Id == loanId);
            db.Entry(loan).Property(l => l.BorrowedAt).CurrentValue = loan.BorrowedAt.AddDays(-days);
            return await db.SaveChangesAsync();
        });

    public static async Task<T> GetJsonAsync<T>(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAsync<T>();
    }

    public static async Task<string?> RuleOfAsync(this HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.TryGetProperty("rule", out var rule) ? rule.GetString() : null;
    }

    /// <summary>Waits (bounded) until the patron's dashboard shows what the test expects; dashboards follow events.</summary>
    public static async Task<Api.Dashboard> DashboardWhenAsync(this HttpClient patron, Func<Api.Dashboard, bool> expected)
    {
        Api.Dashboard dashboard = default!;
        for (var i = 0; i < 100; i++)
        {
            dashboard = await patron.GetJsonAsync<Api.Dashboard>("/api/me/dashboard");
            if (expected(dashboard))
            {
                return dashboard;
            }

            await Task.Delay(50);
        }

        return dashboard;
    }

    /// <summary>The fee charged for a patron's late return (charged by an event handler after the return commits).</summary>
    public static async Task<Fee?> FeeForLoanAsync(this HttpClient librarian, Guid loanId, string status = "All")
    {
        for (var i = 0; i < 100; i++)
        {
            var page = await librarian.GetJsonAsync<FeePage>($"/api/admin/fees?status={status}&pageSize=100");
            if (page.Items.FirstOrDefault(f => f.LoanId == loanId) is { } fee)
            {
                return fee;
            }

            await Task.Delay(50);
        }

        return null;
    }
}
