using System.Net;
using System.Net.Http.Json;
using Library.Tests.TestSupport;
using Library.Web.Features.Admin.Audit;

namespace Library.Tests.Admin;

/// <summary>The audit log names what each entry is about (book title, patron) instead of raw ids; deleted things say so.</summary>
public sealed class AuditLogNamesTests(LibraryApp app) : IClassFixture<LibraryApp>
{
    private sealed record Subject(int? BookId, string? BookTitle, string? PatronId, string? PatronName, bool Deleted);

    private sealed record Entry(string Action, string EntityType, string EntityId, string? Summary, Subject? Subject);

    [Fact]
    public async Task Loan_patron_and_book_entries_name_their_book_and_patron_and_a_deleted_book_is_marked()
    {
        using var librarian = await app.SignInLibrarianAsync();
        using var patron = await app.NewPatronAsync();
        var book = await librarian.CreateBookAsync();
        var loan = await patron.Client.BorrowNewAsync(book.Id);
        (await librarian.SetDueDateAsync(loan.Id, app.Clock.GetUtcNow().AddDays(20))).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NoContent,
            (await librarian.PostAsJsonAsync($"/api/admin/patrons/{patron.Id}/block", new { reason = "Audit names" })).StatusCode);
        var gone = await librarian.CreateBookAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await librarian.DeleteAsync($"/api/books/{gone.Id}")).StatusCode);

        var loanEntry = await EntryAsync(librarian, AuditActions.LoanDueDateChanged, "Loan", loan.Id.ToString());
        Assert.Equal(new Subject(book.Id, book.Title, patron.Id, DisplayNameOf(patron.Email), false), loanEntry.Subject);
        var patronEntry = await EntryAsync(librarian, AuditActions.PatronBlocked, "Patron", patron.Id);
        Assert.Equal(new Subject(null, null, patron.Id, DisplayNameOf(patron.Email), false), patronEntry.Subject);
        var created = await EntryAsync(librarian, AuditActions.BookCreated, "Book", book.Id.ToString());
        Assert.Equal(new Subject(book.Id, book.Title, null, null, false), created.Subject);
        var deleted = await EntryAsync(librarian, AuditActions.BookDeleted, "Book", gone.Id.ToString());
        Assert.True(deleted.Subject!.Deleted);
        Assert.Equal(gone.Title, deleted.Summary);
    }

    private static async Task<Entry> EntryAsync(HttpClient librarian, string action, string type, string id)
    {
        var page = await librarian.GetJsonAsync<AdminApi.Page<Entry>>(
            $"/api/admin/audit?entityType={type}&entityId={Uri.EscapeDataString(id)}&action={Uri.EscapeDataString(action)}");
        return Assert.Single(page.Items);
    }

    /// <summary>Registered without a name, a patron is called by the part of the address before the @.</summary>
    private static string DisplayNameOf(string email) => email[..email.IndexOf('@')];
}
