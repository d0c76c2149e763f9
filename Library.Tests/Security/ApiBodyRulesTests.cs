using System.Net;
using System.Text;
using Library.Tests.Admin;
using Library.Tests.TestSupport;

namespace Library.Tests.Security;

/// <summary>JSON bodies: numbers are numbers (no "5", "+5", "05"), and a body over 64 KiB is refused with 413 before it is read.</summary>
public sealed class ApiBodyRulesTests(LibraryApp app) : IClassFixture<LibraryApp>
{
    [Theory]
    [InlineData("\"+5\"")]
    [InlineData("\"05\"")]
    [InlineData("\"1\"")]
    public async Task A_quantity_written_as_a_string_is_a_400_problem_and_lends_nothing(string quantity)
    {
        using var patron = await app.SignInPatronAsync();
        var book = await patron.FindBookWithCopiesAsync(5, skip: 10);

        var response = await patron.PostAsync("/api/loans", Http.Json($$"""{"bookId":{{book.Id}},"quantity":{{quantity}}}"""));

        await Http.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(book.AvailableCopies, await Http.AvailableCopiesAsync(patron, book.Id));
    }

    [Fact]
    public async Task A_book_id_written_as_a_string_is_a_400_problem()
    {
        using var patron = await app.SignInPatronAsync();
        var book = await patron.FindBookWithCopiesAsync(1, skip: 11);

        var response = await patron.PostAsync("/api/loans", Http.Json($$"""{"bookId":"{{book.Id}}","quantity":1}"""));

        await Http.AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_10_MB_borrow_request_is_a_413_problem_and_lends_nothing()
    {
        using var patron = await app.SignInPatronAsync();
        var book = await patron.FindBookWithCopiesAsync(1, skip: 12);
        var body = $$"""{"bookId":{{book.Id}},"quantity":1,"padding":"{{new string('x', 10 * 1024 * 1024)}}"}""";

        var response = await patron.PostAsync("/api/loans", Http.Json(body));

        await Http.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(book.AvailableCopies, await Http.AvailableCopiesAsync(patron, book.Id));
    }

    [Fact]
    public async Task An_oversized_chunked_body_without_a_length_is_a_413_problem_too()
    {
        using var patron = await app.SignInPatronAsync();
        var book = await patron.FindBookWithCopiesAsync(1, skip: 13);
        var bytes = Encoding.UTF8.GetBytes($$"""{"bookId":{{book.Id}},"quantity":1,"padding":"{{new string('x', 200 * 1024)}}"}""");
        using var content = new StreamContent(new NoLengthStream(bytes));
        content.Headers.ContentType = new("application/json");

        var response = await patron.PostAsync("/api/loans", content);

        Assert.Null(response.RequestMessage!.Content!.Headers.ContentLength);
        await Http.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(book.AvailableCopies, await Http.AvailableCopiesAsync(patron, book.Id));
    }

    [Fact]
    public async Task A_small_chunked_borrow_body_still_borrows()
    {
        using var patron = await app.SignInPatronAsync();
        var book = await patron.FindBookWithCopiesAsync(1, skip: 14);
        using var content = new StreamContent(new NoLengthStream(Encoding.UTF8.GetBytes($$"""{"bookId":{{book.Id}},"quantity":1}""")));
        content.Headers.ContentType = new("application/json");

        var response = await patron.PostAsync("/api/loans", content);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(book.AvailableCopies - 1, await Http.AvailableCopiesAsync(patron, book.Id));
    }

    [Fact]
    public async Task An_unknown_patron_from_the_admin_api_is_a_problem_details_404()
    {
        using var librarian = await app.SignInLibrarianAsync();

        var response = await librarian.GetAsync("/api/admin/patrons/nobody-has-this-id");

        await Http.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    /// <summary>A stream that does not tell its length, so HttpClient sends the body chunked.</summary>
    private sealed class NoLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
