using System.Net;
using System.Net.Http.Json;
using System.Text;
using Library.Tests.TestSupport;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Library.Tests.Admin;

/// <summary>
/// Every /api endpoint the app maps × {anonymous, patron, another patron, librarian} → the status code each gets.
/// The endpoints are read from the running app, so a new endpoint without a row here fails the test.
/// "Patron" owns the resources a row uses (loans, fees); "another patron" tries to use them; every request gets fresh resources.
/// </summary>
public sealed class ApiAuthorizationMatrixTests(ApiAuthorizationMatrixTests.MatrixApp app) : IClassFixture<ApiAuthorizationMatrixTests.MatrixApp>, IAsyncLifetime
{
    private const int Ok = 200, Created = 201, NoContent = 204, BadRequest = 400, Unauthorized = 401, Forbidden = 403, NotFound = 404;

    private readonly LibraryApp _app = app;
    private Context _context = default!;

    /// <summary>The matrix makes many loans for one patron; the loan limit is not what it tests.</summary>
    public sealed class MatrixApp : LibraryApp
    {
        public MatrixApp() => With("Lending:MaxCopiesOnLoan", "1000").With("Holds:MaxPerPatron", "1000");
    }

    private sealed record Context(LibraryApp App, HttpClient Librarian, HttpClient Patron, string PatronId, HttpClient OtherPatron);

    private sealed record Row(string Method, string Route, Func<Context, Task<HttpRequestMessage>> Request, int Anonymous, int Patron, int OtherPatron, int Librarian);

    private static Row R(string method, string route, Func<Context, Task<HttpRequestMessage>> request, int anonymous, int patron, int otherPatron, int librarian) =>
        new(method, route, request, anonymous, patron, otherPatron, librarian);

    private static Row R(string method, string route, Func<Context, HttpRequestMessage> request, int anonymous, int patron, int otherPatron, int librarian) =>
        new(method, route, c => Task.FromResult(request(c)), anonymous, patron, otherPatron, librarian);

    private static readonly Row[] Matrix =
    [
        // Patron API
        R("GET", "/api/books", _ => Get("/api/books"), Ok, Ok, Ok, Ok),
        R("GET", "/api/books/{id:int}", async c => Get($"/api/books/{await NewBookAsync(c)}"), Ok, Ok, Ok, Ok),
        R("POST", "/api/loans", async c => Post("/api/loans", new { bookId = await NewBookAsync(c), quantity = 1 }), Unauthorized, Created, Created, Created),
        R("POST", "/api/loans/{id:guid}/return", async c => Post($"/api/loans/{await NewLoanAsync(c)}/return", new { quantity = 1 }), Unauthorized, Ok, NotFound, NotFound),
        R("POST", "/api/loans/{id:guid}/renew", async c => Post($"/api/loans/{await NewLoanAsync(c)}/renew", null), Unauthorized, Ok, NotFound, NotFound),
        R("GET", "/api/me/loans", _ => Get("/api/me/loans"), Unauthorized, Ok, Ok, Ok),
        R("GET", "/api/me/loans/{id:guid}", async c => Get($"/api/me/loans/{await NewLoanAsync(c)}"), Unauthorized, Ok, NotFound, NotFound),
        R("GET", "/api/me/dashboard", _ => Get("/api/me/dashboard"), Unauthorized, Ok, Ok, Ok),
        R("GET", "/api/me/history", _ => Get("/api/me/history?page=1&pageSize=5"), Unauthorized, Ok, Ok, Ok),
        R("GET", "/api/me/history.csv", _ => Get("/api/me/history.csv"), Unauthorized, Ok, Ok, Ok),
        R("GET", "/api/me/auto-renew", _ => Get("/api/me/auto-renew"), Unauthorized, Ok, Ok, Ok),
        R("PUT", "/api/me/auto-renew", _ => Put("/api/me/auto-renew", new { on = true }), Unauthorized, NoContent, NoContent, NoContent),
        R("GET", "/api/me/notifications", _ => Get("/api/me/notifications"), Unauthorized, Ok, Ok, Ok),
        R("POST", "/api/me/notifications/{id:guid}/read", async c => Post($"/api/me/notifications/{await NewNoticeAsync(c)}/read", null),
            Unauthorized, NoContent, NotFound, NotFound),
        R("POST", "/api/me/notifications/read-all", _ => Post("/api/me/notifications/read-all", null), Unauthorized, NoContent, NoContent, NoContent),

        // Librarian API
        R("POST", "/api/books", _ => Post("/api/books", AdminApi.NewBook()), Unauthorized, Forbidden, Forbidden, Created),
        R("PUT", "/api/books/{id:int}", async c => Put($"/api/books/{await NewBookAsync(c)}", AdminApi.NewBook()), Unauthorized, Forbidden, Forbidden, Ok),
        R("DELETE", "/api/books/{id:int}", async c => Delete($"/api/books/{await NewBookAsync(c)}"), Unauthorized, Forbidden, Forbidden, NoContent),
        R("POST", "/api/books/{id:int}/archive", async c => Post($"/api/books/{await NewBookAsync(c)}/archive", null), Unauthorized, Forbidden, Forbidden, Ok),
        R("POST", "/api/books/{id:int}/restore", async c => Post($"/api/books/{await NewBookAsync(c)}/restore", null), Unauthorized, Forbidden, Forbidden, Ok),
        R("PUT", "/api/loans/{id:guid}/due-date", async c => Put($"/api/loans/{await NewLoanAsync(c)}/due-date", new { dueAt = c.App.Clock.GetUtcNow().AddDays(30) }),
            Unauthorized, Forbidden, Forbidden, Ok),
        R("GET", "/api/admin/overview", _ => Get("/api/admin/overview"), Unauthorized, Forbidden, Forbidden, Ok),
        R("GET", "/api/admin/reports/{name}", _ => Get("/api/admin/reports/loans-returns"), Unauthorized, Forbidden, Forbidden, Ok),
        R("GET", "/api/admin/reports/{name}.csv", _ => Get("/api/admin/reports/top-titles.csv"), Unauthorized, Forbidden, Forbidden, Ok),
        R("GET", "/api/admin/loans", _ => Get("/api/admin/loans?overdue=true"), Unauthorized, Forbidden, Forbidden, Ok),
        R("POST", "/api/admin/loans/{id:guid}/check-in", async c => Post($"/api/admin/loans/{await NewLoanAsync(c)}/check-in", new { quantity = 1 }),
            Unauthorized, Forbidden, Forbidden, Ok),
        R("POST", "/api/admin/loans/{id:guid}/renew", async c => Post($"/api/admin/loans/{await NewLoanAsync(c)}/renew", null),
            Unauthorized, Forbidden, Forbidden, Ok),
        R("GET", "/api/admin/patrons", _ => Get("/api/admin/patrons"), Unauthorized, Forbidden, Forbidden, Ok),
        R("GET", "/api/admin/patrons/{id}", c => Get($"/api/admin/patrons/{c.PatronId}"), Unauthorized, Forbidden, Forbidden, Ok),
        R("GET", "/api/admin/patrons/{id}/history", c => Get($"/api/admin/patrons/{c.PatronId}/history"), Unauthorized, Forbidden, Forbidden, Ok),
        R("POST", "/api/admin/patrons/{id}/block", async c => Post($"/api/admin/patrons/{(await c.App.NewPatronAsync()).Id}/block", new { reason = "matrix" }),
            Unauthorized, Forbidden, Forbidden, NoContent),
        R("POST", "/api/admin/patrons/{id}/unblock", async c => Post($"/api/admin/patrons/{(await c.App.NewPatronAsync()).Id}/unblock", null),
            Unauthorized, Forbidden, Forbidden, NoContent),
        R("GET", "/api/admin/fees", _ => Get("/api/admin/fees?status=All"), Unauthorized, Forbidden, Forbidden, Ok),
        R("POST", "/api/admin/fees/{id:guid}/payment", async c => Post($"/api/admin/fees/{await NewFeeAsync(c)}/payment", null),
            Unauthorized, Forbidden, Forbidden, NoContent),
        R("POST", "/api/admin/fees/{id:guid}/waiver", async c => Post($"/api/admin/fees/{await NewFeeAsync(c)}/waiver", new { reason = "matrix" }),
            Unauthorized, Forbidden, Forbidden, NoContent),
        R("GET", "/api/admin/audit", _ => Get("/api/admin/audit"), Unauthorized, Forbidden, Forbidden, Ok),
        R("GET", "/api/admin/books/export", _ => Get("/api/admin/books/export"), Unauthorized, Forbidden, Forbidden, Ok),
        R("GET", "/api/admin/loans/export", _ => Get("/api/admin/loans/export?overdue=true"), Unauthorized, Forbidden, Forbidden, Ok),
        R("GET", "/api/admin/fees/export", _ => Get("/api/admin/fees/export?status=All"), Unauthorized, Forbidden, Forbidden, Ok),
        R("GET", "/api/admin/audit/export", _ => Get("/api/admin/audit/export?entityType=Book"), Unauthorized, Forbidden, Forbidden, Ok),
        R("GET", "/api/admin/calendar", _ => Get("/api/admin/calendar"), Unauthorized, Forbidden, Forbidden, Ok),
        R("PUT", "/api/admin/calendar", _ => Put("/api/admin/calendar", new { closedWeekdays = Array.Empty<string>(), closedDates = Array.Empty<object>() }),
            Unauthorized, Forbidden, Forbidden, Ok),
        R("POST", "/api/admin/books/import", _ => new HttpRequestMessage(HttpMethod.Post, "/api/admin/books/import?dryRun=true")
            {
                Content = new StringContent($"isbn,title,author\n{AdminApi.NewIsbn()},Matrix import,Writer\n", Encoding.UTF8, "text/csv"),
            }, Unauthorized, Forbidden, Forbidden, Ok),
        R("GET", "/api/admin/librarians", _ => Get("/api/admin/librarians"), Unauthorized, Forbidden, Forbidden, Ok),
        R("POST", "/api/admin/librarians", _ => Post("/api/admin/librarians", new { email = $"staff{Guid.NewGuid():N}"[..13] + "@test.local" }),
            Unauthorized, Forbidden, Forbidden, Ok),
        R("POST", "/api/admin/librarians/{id}/demote", async c => Post($"/api/admin/librarians/{await NewLibrarianAsync(c)}/demote", null),
            Unauthorized, Forbidden, Forbidden, NoContent),

        R("POST", "/api/admin/patrons/{id}/card", async c => Post($"/api/admin/patrons/{(await c.App.NewPatronAsync()).Id}/card", null),
            Unauthorized, Forbidden, Forbidden, Ok),

        // Copies and the circulation desk (librarian); the patron's own card
        R("GET", "/api/books/{id:int}/copies", async c => Get($"/api/books/{await NewBookAsync(c)}/copies"), Unauthorized, Forbidden, Forbidden, Ok),
        R("POST", "/api/books/{id:int}/copies", async c => Post($"/api/books/{await NewBookAsync(c)}/copies", new { count = 1 }),
            Unauthorized, Forbidden, Forbidden, Created),
        R("GET", "/api/copies/{barcode}", async c => Get($"/api/copies/{await NewShelfCopyAsync(c)}"), Unauthorized, Forbidden, Forbidden, Ok),
        R("PATCH", "/api/copies/{barcode}", async c => WithBody(HttpMethod.Patch, $"/api/copies/{await NewShelfCopyAsync(c)}", new { location = "A-1" }),
            Unauthorized, Forbidden, Forbidden, Ok),
        R("POST", "/api/desk/checkout", async c => Post("/api/desk/checkout", new { cardNumber = await CardOfAsync(c, (await c.App.NewPatronAsync()).Id), barcode = await NewShelfCopyAsync(c) }),
            Unauthorized, Forbidden, Forbidden, Created),
        R("POST", "/api/desk/checkin", async c => Post("/api/desk/checkin", new { barcode = await NewLentCopyAsync(c) }), Unauthorized, Forbidden, Forbidden, Ok),
        R("GET", "/api/desk/patrons/by-card/{cardNumber}", async c => Get($"/api/desk/patrons/by-card/{await CardOfAsync(c, c.PatronId)}"),
            Unauthorized, Forbidden, Forbidden, Ok),
        R("GET", "/api/me/card", _ => Get("/api/me/card"), Unauthorized, Ok, Ok, Ok),

        // Holds: a patron's own; the librarian's queue, hold shelf and cancel with a reason
        R("POST", "/api/holds", async c => Post("/api/holds", new { bookId = await NewLentOutBookAsync(c) }), Unauthorized, Created, Created, Created),
        R("GET", "/api/me/holds", _ => Get("/api/me/holds"), Unauthorized, Ok, Ok, Ok),
        R("DELETE", "/api/holds/{id:guid}", async c => Delete($"/api/holds/{await NewHoldAsync(c)}"),
            Unauthorized, NoContent, NotFound, NotFound),
        R("GET", "/api/admin/books/{id:int}/holds", async c => Get($"/api/admin/books/{await NewLentOutBookAsync(c)}/holds"), Unauthorized, Forbidden, Forbidden, Ok),
        R("GET", "/api/admin/holds/shelf", _ => Get("/api/admin/holds/shelf"), Unauthorized, Forbidden, Forbidden, Ok),
        R("POST", "/api/admin/holds/{id:guid}/cancel", async c => Post($"/api/admin/holds/{await NewHoldAsync(c)}/cancel", new { reason = "matrix" }),
            Unauthorized, Forbidden, Forbidden, NoContent),

        // Covers: anyone reads one (like the catalogue); a librarian sets or removes it
        R("GET", "/api/books/{id:int}/cover", async c => Get($"/api/books/{await NewBookWithCoverAsync(c)}/cover"), Ok, Ok, Ok, Ok),
        R("PUT", "/api/books/{id:int}/cover", async c => Library.Tests.Integration.Covers.CoverApi.PutRequest(
            await NewBookAsync(c), Library.Tests.Integration.Covers.TestImages.Png(64, 96)), Unauthorized, Forbidden, Forbidden, Ok),
        R("DELETE", "/api/books/{id:int}/cover", async c => Delete($"/api/books/{await NewBookWithCoverAsync(c)}/cover"),
            Unauthorized, Forbidden, Forbidden, NoContent),

        // ASP.NET Core Identity's endpoints: open to everyone (what they answer depends on the body, never on the caller),
        // except /manage, which needs a signed-in caller (bearer token or cookie) and answers about that caller only.
        R("POST", "/api/auth/register", _ => Post("/api/auth/register", new { email = "not-an-email", password = "x" }), BadRequest, BadRequest, BadRequest, BadRequest),
        R("POST", "/api/auth/login", _ => Post("/api/auth/login", new { email = "nobody@library.local", password = "wrong password" }),
            Unauthorized, Unauthorized, Unauthorized, Unauthorized),
        R("POST", "/api/auth/refresh", _ => Post("/api/auth/refresh", new { refreshToken = "not-a-token" }), Unauthorized, Unauthorized, Unauthorized, Unauthorized),
        R("GET", "/api/auth/confirmEmail", _ => Get("/api/auth/confirmEmail?userId=nobody&code=x"), Unauthorized, Unauthorized, Unauthorized, Unauthorized),
        R("POST", "/api/auth/resendConfirmationEmail", _ => Post("/api/auth/resendConfirmationEmail", new { email = "nobody@library.local" }), Ok, Ok, Ok, Ok),
        R("POST", "/api/auth/forgotPassword", _ => Post("/api/auth/forgotPassword", new { email = "nobody@library.local" }), Ok, Ok, Ok, Ok),
        R("POST", "/api/auth/resetPassword", _ => Post("/api/auth/resetPassword", new { email = "nobody@library.local", resetCode = "x", newPassword = "a long new password" }),
            BadRequest, BadRequest, BadRequest, BadRequest),
        R("GET", "/api/auth/manage/info", _ => Get("/api/auth/manage/info"), Unauthorized, Ok, Ok, Ok),
        R("POST", "/api/auth/manage/info", _ => Post("/api/auth/manage/info", new { }), Unauthorized, Ok, Ok, Ok),
        // Last: the first 2fa call creates the caller's authenticator key, which changes the security stamp, so the callers'
        // tokens stop working once the stamp cache (1 minute) lets the bearer check see it; rows after it failed on slow runs.
        R("POST", "/api/auth/manage/2fa", _ => Post("/api/auth/manage/2fa", new { }), Unauthorized, Ok, Ok, Ok),
    ];

    public async Task InitializeAsync()
    {
        _context = new Context(
            _app,
            await _app.SignInLibrarianAsync(),
            await _app.SignInPatronAsync(),
            await _app.UserIdAsync(LibraryApp.PatronEmail),
            await _app.SignInApiAsync(LibraryApp.Patron2Email, LibraryApp.PatronPassword));
    }

    public Task DisposeAsync()
    {
        _context.Librarian.Dispose();
        _context.Patron.Dispose();
        _context.OtherPatron.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public void Every_api_endpoint_of_the_app_has_a_row_and_every_row_an_endpoint()
    {
        var mapped = ApiEndpoints(_app).ToHashSet();
        var rows = Matrix.Select(r => $"{r.Method} {r.Route}").ToHashSet();

        Assert.True(mapped.SetEquals(rows),
            "Add a row to ApiAuthorizationMatrixTests.Matrix for each new endpoint, and remove rows of endpoints that are gone.\n" +
            $"Endpoints without a row: {string.Join(", ", mapped.Except(rows))}\nRows without an endpoint: {string.Join(", ", rows.Except(mapped))}");
    }

    [Fact]
    public async Task Each_caller_gets_the_expected_status_from_every_endpoint()
    {
        using var anonymous = _app.CreateApiClient();
        var callers = new (string Name, HttpClient Client, Func<Row, int> Expected)[]
        {
            ("anonymous", anonymous, r => r.Anonymous),
            ("patron", _context.Patron, r => r.Patron),
            ("another patron", _context.OtherPatron, r => r.OtherPatron),
            ("librarian", _context.Librarian, r => r.Librarian),
        };
        var failures = new StringBuilder();

        foreach (var row in Matrix)
        {
            foreach (var (name, client, expected) in callers)
            {
                using var request = await row.Request(_context);
                using var response = await client.SendAsync(request);
                if ((int)response.StatusCode is Unauthorized or Forbidden && !row.Route.StartsWith("/api/auth")
                    && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    failures.AppendLine($"{row.Method} {row.Route} as {name}: {(int)response.StatusCode} without a problem-details body");
                }

                if ((int)response.StatusCode != expected(row))
                {
                    failures.AppendLine($"{row.Method} {row.Route} as {name}: expected {expected(row)}, got {(int)response.StatusCode} " +
                                        $"{(await response.Content.ReadAsStringAsync()).ReplaceLineEndings(" ")[..Math.Min(200, (int)(response.Content.Headers.ContentLength ?? 200))]}");
                }
            }
        }

        Assert.True(failures.Length == 0, "\n" + failures);
    }

    /// <summary>The OpenAPI document cannot drift: every status a caller of the matrix gets is listed for that operation.</summary>
    [Fact]
    public async Task Every_status_in_the_matrix_is_documented_for_its_operation()
    {
        using var document = await Library.Tests.Security.ApiDocument.LoadAsync(_app);
        var missing = new StringBuilder();

        foreach (var row in Matrix)
        {
            var documented = document.Responses(Library.Tests.Security.ApiDocument.PathOf(row.Route), row.Method.ToLowerInvariant()).Keys;
            foreach (var status in new[] { row.Anonymous, row.Patron, row.OtherPatron, row.Librarian }.Distinct().Where(s => !documented.Contains(s)))
            {
                missing.AppendLine($"{row.Method} {row.Route}: {status} (documented: {string.Join(", ", documented.Order())})");
            }
        }

        Assert.True(missing.Length == 0, "Statuses the API answers but the OpenAPI document does not list:\n" + missing);
    }

    /// <summary>"METHOD /route" of every endpoint under /api except the OpenAPI document and its viewer.</summary>
    internal static IEnumerable<string> ApiEndpoints(LibraryApp app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => (Route: "/" + (e.RoutePattern.RawText ?? string.Empty).Trim('/'), Methods: e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods))
            .Where(e => e.Route.StartsWith("/api/", StringComparison.OrdinalIgnoreCase)
                        && !e.Route.StartsWith("/api/openapi", StringComparison.OrdinalIgnoreCase)
                        && !e.Route.StartsWith("/api/docs", StringComparison.OrdinalIgnoreCase))
            .SelectMany(e => (e.Methods ?? ["ANY"]).Select(m => $"{m} {e.Route}"))
            .Distinct();

    private static HttpRequestMessage Get(string url) => new(HttpMethod.Get, url);

    private static HttpRequestMessage Delete(string url) => new(HttpMethod.Delete, url);

    private static HttpRequestMessage Post(string url, object? body) => WithBody(HttpMethod.Post, url, body);

    private static HttpRequestMessage Put(string url, object? body) => WithBody(HttpMethod.Put, url, body);

    private static HttpRequestMessage WithBody(HttpMethod method, string url, object? body) =>
        new(method, url) { Content = body is null ? null : JsonContent.Create(body, body.GetType(), options: Api.Json) };

    private static async Task<int> NewBookAsync(Context c) => (await c.Librarian.CreateBookAsync()).Id;

    private static async Task<int> NewBookWithCoverAsync(Context c)
    {
        var id = await NewBookAsync(c);
        await Library.Tests.Integration.Covers.CoverApi.SetCoverAsync(c.Librarian, id, Library.Tests.Integration.Covers.TestImages.Png(64, 96));
        return id;
    }

    /// <summary>The barcode of a copy on the shelf (a new title's first copy).</summary>
    private static async Task<string> NewShelfCopyAsync(Context c)
    {
        var bookId = await NewBookAsync(c);
        return await c.App.WithDbAsync(db => db.Copies.Where(x => x.BookId == bookId).OrderBy(x => x.Id).Select(x => x.Barcode).FirstAsync());
    }

    /// <summary>The barcode of a copy the patron has on loan.</summary>
    private static async Task<string> NewLentCopyAsync(Context c)
    {
        var loan = await NewLoanAsync(c);
        return await c.App.WithDbAsync(db => db.LoanItems.Where(i => i.LoanId == loan).Select(i => i.Barcode).SingleAsync());
    }

    /// <summary>A title whose only copy a fresh patron has out, so holds make sense.</summary>
    private static async Task<int> NewLentOutBookAsync(Context c)
    {
        var book = await c.Librarian.CreateBookAsync(AdminApi.NewBook(copies: 1));
        using var reader = await c.App.NewPatronAsync();
        await reader.Client.BorrowNewAsync(book.Id);
        return book.Id;
    }

    /// <summary>A waiting hold of the patron's.</summary>
    private static async Task<Guid> NewHoldAsync(Context c)
    {
        var response = await c.Patron.PostAsJsonAsync("/api/holds", new { bookId = await NewLentOutBookAsync(c) });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
    }

    private static Task<string> CardOfAsync(Context c, string patronId) =>
        c.App.WithDbAsync(db => db.Users.Where(u => u.Id == patronId).Select(u => u.CardNumber!).SingleAsync());

    private static async Task<string> NewLibrarianAsync(Context c)
    {
        var patron = await c.App.NewPatronAsync();
        (await c.Librarian.PostAsJsonAsync("/api/admin/librarians", new { email = patron.Email })).EnsureSuccessStatusCode();
        return patron.Id;
    }

    private static async Task<Guid> NewLoanAsync(Context c) => (await c.Patron.BorrowNewAsync(await NewBookAsync(c))).Id;

    /// <summary>A notice of the patron's (as the overdue sweep would write it).</summary>
    private static async Task<Guid> NewNoticeAsync(Context c)
    {
        var id = Guid.CreateVersion7();
        await c.App.WithDbAsync(db =>
        {
            db.Set<Library.Web.Features.Notices.Notification>().Add(new Library.Web.Features.Notices.Notification
            {
                Id = id, PatronId = c.PatronId, Kind = Library.Web.Features.Notices.NoticeKind.LoanOverdue, BookTitle = "Matrix",
                CreatedAt = c.App.Clock.GetUtcNow(), EmailSentAt = c.App.Clock.GetUtcNow(),
            });
            return db.SaveChangesAsync();
        });
        return id;
    }

    /// <summary>An outstanding fee of the patron: a loan made 3 days overdue and returned.</summary>
    private static async Task<Guid> NewFeeAsync(Context c)
    {
        var loan = await NewLoanAsync(c);
        await c.App.BackdateLoanAsync(loan);
        await c.Librarian.SetDueDateAsync(loan, c.App.Clock.GetUtcNow().AddDays(-3));
        await c.Patron.ReturnAsync(loan, 1);
        return (await c.Librarian.FeeForLoanAsync(loan, "Outstanding"))!.Id;
    }
}
