using System.Net;
using System.Net.Http.Json;
using System.Text;
using Library.Tests.TestSupport;

namespace Library.Tests.Integration;

/// <summary>The patron JSON API: shapes, and RFC 7807 answers for bad input, missing sign-in, unknown ids and broken rules.</summary>
public sealed class ApiTests(LibraryApp app) : IClassFixture<LibraryApp>
{
    [Fact]
    public async Task Book_search_returns_stock_and_the_total_count()
    {
        using var anonymous = app.CreateApiClient();

        var page = await anonymous.GetFromJsonAsync<Api.BookPage>("/api/books?page=1&pageSize=5", Api.Json);

        Assert.NotNull(page);
        Assert.Equal(5, page.Items.Count);
        Assert.True(page.TotalCount >= 200);
        Assert.All(page.Items, b => Assert.InRange(b.AvailableCopies, 0, b.TotalCopies));
        var one = await anonymous.GetFromJsonAsync<Api.Book>($"/api/books/{page.Items[0].Id}", Api.Json);
        Assert.Equal(page.Items[0], one);
    }

    [Theory]
    [InlineData("/api/books?page=0")]
    [InlineData("/api/books?pageSize=0")]
    [InlineData("/api/books?pageSize=1000")]
    [InlineData("/api/books?page=abc")]
    public async Task Bad_paging_is_a_400_problem(string url)
    {
        using var anonymous = app.CreateApiClient();

        var response = await anonymous.GetAsync(url);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_overlong_search_is_a_400_problem()
    {
        using var anonymous = app.CreateApiClient();

        var response = await anonymous.GetAsync("/api/books?search=" + new string('a', 201));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Borrowing_zero_copies_is_a_400_problem_and_lends_nothing()
    {
        using var patron = await app.SignInPatronAsync();
        var book = await patron.FindBookWithCopiesAsync(1);

        var response = await patron.BorrowAsync(book.Id, 0);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(book.AvailableCopies, (await patron.GetFromJsonAsync<Api.Book>($"/api/books/{book.Id}", Api.Json))!.AvailableCopies);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem()
    {
        using var patron = await app.SignInPatronAsync();

        var response = await patron.PostAsync("/api/loans", new StringContent("{ \"bookId\": ", Encoding.UTF8, "application/json"));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Returning_zero_copies_is_a_400_problem()
    {
        using var patron = await app.SignInPatronAsync();
        var book = await patron.FindBookWithCopiesAsync(1, skip: 1);
        var loan = await (await patron.BorrowAsync(book.Id, 1)).ReadAsync<Api.Loan>();

        var response = await patron.ReturnAsync(loan.Id, 0);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("GET", "/api/me/loans")]
    [InlineData("GET", "/api/me/dashboard")]
    [InlineData("POST", "/api/loans")]
    public async Task Without_a_token_patron_endpoints_answer_401_problem(string method, string url)
    {
        using var anonymous = app.CreateApiClient();

        var response = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), url)
        {
            Content = method == "POST" ? JsonContent.Create(new { bookId = 1, quantity = 1 }) : null,
        });

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_invalid_token_is_a_401()
    {
        using var client = app.CreateApiClient("not-a-real-token");

        var response = await client.GetAsync("/api/me/loans");

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Wrong_password_at_login_is_a_401()
    {
        using var anonymous = app.CreateApiClient();

        var response = await anonymous.PostAsJsonAsync("/api/auth/login", new { email = LibraryApp.PatronEmail, password = "wrong-password" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_book_is_a_404_problem()
    {
        using var patron = await app.SignInPatronAsync();

        await AssertProblemAsync(await patron.GetAsync("/api/books/987654"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await patron.BorrowAsync(987654, 1), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Unknown_loan_and_another_patrons_loan_are_404_problems()
    {
        using var patron = await app.SignInPatronAsync();
        using var other = await app.SignInApiAsync(LibraryApp.Patron2Email, LibraryApp.PatronPassword);
        var book = await other.FindBookWithCopiesAsync(1, skip: 2);
        var othersLoan = await (await other.BorrowAsync(book.Id, 1)).ReadAsync<Api.Loan>();

        await AssertProblemAsync(await patron.ReturnAsync(Guid.NewGuid(), 1), HttpStatusCode.NotFound);
        await AssertProblemAsync(await patron.ReturnAsync(othersLoan.Id, 1), HttpStatusCode.NotFound);
        var stillOut = await other.GetFromJsonAsync<List<Api.Loan>>("/api/me/loans", Api.Json);
        Assert.Contains(stillOut!, l => l.Id == othersLoan.Id && l.QuantityReturned == 0);
    }

    [Fact]
    public async Task Borrowing_more_than_available_is_a_409_with_the_rule()
    {
        using var patron = await app.SignInApiAsync(LibraryApp.Patron2Email, LibraryApp.PatronPassword);
        var book = await patron.FindBookWithCopiesAsync(1, skip: 3);

        var response = await patron.BorrowAsync(book.Id, book.AvailableCopies + 1);

        var problem = await AssertProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("BookMustHaveEnoughCopies", problem.Rule);
        Assert.Contains(book.AvailableCopies.ToString(), problem.Detail);
    }

    [Fact]
    public async Task Returning_more_than_on_loan_is_a_409_and_changes_nothing()
    {
        using var patron = await app.SignInPatronAsync();
        var book = await patron.FindBookWithCopiesAsync(2, skip: 4);
        var loan = await (await patron.BorrowAsync(book.Id, 2)).ReadAsync<Api.Loan>();

        var response = await patron.ReturnAsync(loan.Id, 3);

        var problem = await AssertProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("CannotReturnMoreThanOnLoan", problem.Rule);
        var loans = await patron.GetFromJsonAsync<List<Api.Loan>>("/api/me/loans", Api.Json);
        Assert.Equal(0, loans!.Single(l => l.Id == loan.Id).QuantityReturned);
    }

    [Fact]
    public async Task Going_over_the_loan_limit_is_a_409()
    {
        await using var limited = new LibraryApp().With("Lending:MaxCopiesOnLoan", "3");
        await limited.InitializeAsync();
        using var patron = await limited.SignInPatronAsync();
        var book = await patron.FindBookWithCopiesAsync(4);
        Assert.Equal(HttpStatusCode.Created, (await patron.BorrowAsync(book.Id, 2)).StatusCode);

        var response = await patron.BorrowAsync(book.Id, 2);

        var problem = await AssertProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("PatronLoanLimit", problem.Rule);
    }

    [Fact]
    public async Task Borrow_answers_201_with_the_loan_and_return_200_with_no_fee_when_on_time()
    {
        using var patron = await app.SignInApiAsync(LibraryApp.Patron2Email, LibraryApp.PatronPassword);
        var book = await patron.FindBookWithCopiesAsync(2, skip: 5);

        var borrowed = await patron.BorrowAsync(book.Id, 2);
        Assert.Equal(HttpStatusCode.Created, borrowed.StatusCode);
        var loan = await borrowed.ReadAsync<Api.Loan>();
        Assert.Equal((book.Id, 2, 0), (loan.BookId, loan.Quantity, loan.QuantityReturned));
        var seoul = TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul");
        var dueDay = TimeZoneInfo.ConvertTime(loan.BorrowedAt, seoul).Date.AddDays(14);
        Assert.Equal(dueDay.AddDays(1).AddMilliseconds(-1), TimeZoneInfo.ConvertTime(loan.DueAt, seoul).DateTime); // end of that Seoul day
        var located = await patron.GetFromJsonAsync<Api.Loan>(borrowed.Headers.Location, Api.Json);
        Assert.Equal((loan.Id, loan.Quantity, loan.Status), (located!.Id, located.Quantity, located.Status));
        Assert.Equal(loan.DueAt, located.DueAt, TimeSpan.FromMilliseconds(1)); // the store keeps millisecond precision

        var returned = await patron.ReturnAsync(loan.Id, 1);

        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        var body = await returned.ReadAsync<Api.ReturnResponse>();
        Assert.Equal(1, body.Loan.QuantityReturned);
        Assert.Equal(0, body.LateFeeCharged);
    }

    [Fact]
    public async Task OpenApi_document_describes_the_patron_api_and_the_docs_page_opens()
    {
        using var anonymous = app.CreateApiClient();

        var document = await anonymous.GetStringAsync("/api/openapi/v1.json");
        var docs = await anonymous.GetAsync("/api/docs");

        foreach (var path in new[] { "/api/books", "/api/books/{id}", "/api/loans", "/api/loans/{id}/return", "/api/me/loans", "/api/me/dashboard", "/api/auth/login" })
        {
            Assert.Contains($"\"{path}\"", document);
        }

        Assert.Contains("\"409\"", document);
        Assert.Contains("bearer", document, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        Assert.Contains("text/html", docs.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<Api.Problem> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadAsync<Api.Problem>();
        Assert.Equal((int)expected, problem.Status);
        return problem;
    }
}
