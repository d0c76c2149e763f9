using System.Net;
using System.Net.Http.Json;
using Library.Tests.Admin;
using Library.Tests.TestSupport;

namespace Library.Tests.Security;

/// <summary>
/// A page on another site can make a signed-in librarian's browser send a POST with the sign-in cookie. The API takes writes
/// only with a bearer token: the cookie-authenticated write is refused (403, nothing changes); the bearer one works.
/// </summary>
public sealed class CookieAuthenticatedApiWriteTests(LibraryApp app) : IClassFixture<LibraryApp>
{
    [Fact]
    public async Task A_librarian_browser_session_cannot_unblock_a_patron_and_a_bearer_token_can()
    {
        using var librarian = await app.SignInLibrarianAsync();
        var patron = await app.NewPatronAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await librarian.PostAsJsonAsync($"/api/admin/patrons/{patron.Id}/block", new { reason = "lost books" })).StatusCode);
        using var browser = await Http.CookieSessionAsync(app, LibraryApp.LibrarianEmail, LibraryApp.LibrarianPassword);

        var refused = await browser.PostAsync($"/api/admin/patrons/{patron.Id}/unblock", null);

        var problem = await Http.AssertProblemAsync(refused, HttpStatusCode.Forbidden);
        Assert.Contains("bearer", problem.Title, StringComparison.OrdinalIgnoreCase);
        Assert.True((await librarian.GetJsonAsync<AdminApi.PatronDetail>($"/api/admin/patrons/{patron.Id}")).Patron.IsBlocked);

        Assert.Equal(HttpStatusCode.NoContent, (await librarian.PostAsync($"/api/admin/patrons/{patron.Id}/unblock", null)).StatusCode);
        Assert.False((await librarian.GetJsonAsync<AdminApi.PatronDetail>($"/api/admin/patrons/{patron.Id}")).Patron.IsBlocked);
    }

    [Fact]
    public async Task A_patron_browser_session_cannot_borrow_through_the_api_but_can_still_read()
    {
        using var anonymous = app.CreateApiClient();
        var book = await anonymous.FindBookWithCopiesAsync(1, skip: 3);
        using var browser = await Http.CookieSessionAsync(app, LibraryApp.Patron2Email, LibraryApp.PatronPassword);

        var refused = await browser.PostAsJsonAsync("/api/loans", new { bookId = book.Id, quantity = 1 });

        await Http.AssertProblemAsync(refused, HttpStatusCode.Forbidden);
        Assert.Equal(book.AvailableCopies, await Http.AvailableCopiesAsync(anonymous, book.Id));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/me/loans")).StatusCode);
    }

    [Fact]
    public async Task Archiving_a_book_with_the_cookie_is_refused_and_the_book_stays_in_the_catalogue()
    {
        using var librarian = await app.SignInLibrarianAsync();
        var book = await librarian.CreateBookAsync();
        using var browser = await Http.CookieSessionAsync(app, LibraryApp.LibrarianEmail, LibraryApp.LibrarianPassword);

        var refused = await browser.PostAsync($"/api/books/{book.Id}/archive", null);

        await Http.AssertProblemAsync(refused, HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateApiClient().GetAsync($"/api/books/{book.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await librarian.PostAsync($"/api/books/{book.Id}/archive", null)).StatusCode);
    }
}
