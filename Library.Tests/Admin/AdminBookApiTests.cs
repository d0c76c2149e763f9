using System.Net;
using System.Net.Http.Json;
using Library.Domain.Catalog.Events;
using Library.Tests.TestSupport;
using Library.Web.Features.Admin.Audit;
using Library.Web.Features.Catalog;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Library.Tests.Admin;

public sealed class AdminBookApiTests(LibraryApp app) : IClassFixture<LibraryApp>
{
    [Fact]
    public async Task Librarian_adds_a_book_the_catalogue_lists_it_and_the_audit_log_records_who_and_what()
    {
        using var librarian = await app.SignInLibrarianAsync();
        var input = AdminApi.NewBook(copies: 4) with { Isbn = Hyphenate(AdminApi.NewIsbn()), Publisher = "Admin Press", Year = 2021 };

        var created = await librarian.CreateBookAsync(input);

        Assert.Equal(input.Title, created.Title);
        Assert.Equal(input.Isbn.Replace("-", ""), created.Isbn);
        Assert.Equal(4, created.AvailableCopies);
        using var anonymous = app.CreateApiClient();
        var found = await anonymous.GetJsonAsync<Api.BookPage>($"/api/books?search={Uri.EscapeDataString(input.Title)}");
        Assert.Contains(found.Items, b => b.Id == created.Id);
        var audit = await librarian.GetJsonAsync<AdminApi.Page<AdminApi.AuditEntry>>($"/api/admin/audit?entityType=Book&entityId={created.Id}");
        var entry = Assert.Single(audit.Items);
        Assert.Equal(AuditActions.BookCreated, entry.Action);
        Assert.Equal(LibraryApp.LibrarianEmail, entry.ActorEmail);
        Assert.Equal(await app.UserIdAsync(LibraryApp.LibrarianEmail), entry.ActorId);
        Assert.Null(entry.Before);
        Assert.Contains(input.Title, entry.After);
        Assert.Equal(app.Clock.GetUtcNow().Date, entry.At.UtcDateTime.Date);
    }

    public static TheoryData<string, object, string> InvalidInputs => new()
    {
        { "title", new { title = " ", author = "A", isbn = "9780306406157", totalCopies = 1 }, "Enter the title." },
        { "author", new { title = "T", author = "", isbn = "9780306406157", totalCopies = 1 }, "Enter the author." },
        { "isbn", new { title = "T", author = "A", isbn = "", totalCopies = 1 }, "Enter the ISBN." },
        { "isbn", new { title = "T", author = "A", isbn = "978-0-306-40615-8", totalCopies = 1 }, "not a valid ISBN" },
        { "year", new { title = "T", author = "A", isbn = "9780306406157", year = 1200, totalCopies = 1 }, "between 1450 and 2027" },
        { "year", new { title = "T", author = "A", isbn = "9780306406157", year = 2100, totalCopies = 1 }, "between 1450 and 2027" },
        { "totalCopies", new { title = "T", author = "A", isbn = "9780306406157", totalCopies = -1 }, "cannot be negative" },
    };

    [Theory]
    [MemberData(nameof(InvalidInputs))]
    public async Task Invalid_book_input_answers_400_with_the_field_message_and_saves_nothing(string field, object body, string message)
    {
        using var librarian = await app.SignInLibrarianAsync();
        var before = await app.WithDbAsync(db => db.Books.CountAsync());

        var response = await librarian.PostAsJsonAsync("/api/books", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadAsync<AdminApi.ValidationProblem>();
        Assert.Contains(problem.Errors[field], m => m.Contains(message));
        Assert.Equal(before, await app.WithDbAsync(db => db.Books.CountAsync()));
    }

    [Fact]
    public async Task An_isbn_another_book_has_is_refused_with_409_whatever_its_hyphens()
    {
        using var librarian = await app.SignInLibrarianAsync();
        var existing = await librarian.CreateBookAsync();
        var other = await librarian.CreateBookAsync();
        var before = await app.WithDbAsync(db => db.Books.CountAsync());

        var create = await librarian.PostAsJsonAsync("/api/books", AdminApi.NewBook() with { Isbn = Hyphenate(existing.Isbn) });
        var update = await librarian.PutAsJsonAsync($"/api/books/{other.Id}", AdminApi.NewBook(other.Title) with { Isbn = existing.Isbn });

        Assert.Equal(HttpStatusCode.Conflict, create.StatusCode);
        Assert.Equal("IsbnMustBeUnique", await create.RuleOfAsync());
        Assert.Equal(HttpStatusCode.Conflict, update.StatusCode);
        Assert.Contains(existing.Title, (await update.ReadAsync<Api.Problem>()).Detail);
        Assert.Equal(before, await app.WithDbAsync(db => db.Books.CountAsync()));
        Assert.Equal(other.Isbn, await app.WithDbAsync(db => db.Books.Where(b => b.Id == other.Id).Select(b => b.Isbn).SingleAsync()));
    }

    [Fact]
    public async Task The_unique_isbn_index_is_recognised_when_a_writer_outside_the_service_collides()
    {
        using var librarian = await app.SignInLibrarianAsync();
        var existing = await librarian.CreateBookAsync();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => app.WithDbAsync(db => db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO \"Books\" (\"Title\", \"Author\", \"Isbn\", \"TotalCopies\", \"AvailableCopies\", \"IsArchived\") VALUES ('Copy', 'X', {existing.Isbn}, 1, 1, {false})")));

        var dbErrors = app.Services.GetRequiredService<Library.Web.Infrastructure.Persistence.IDbErrors>();
        Assert.True(dbErrors.IsUniqueViolation(error, "Books.Isbn"));
        Assert.False(dbErrors.IsUniqueViolation(error, "Books.Title"));
    }

    [Fact]
    public async Task Total_copies_cannot_drop_below_copies_on_loan_and_nothing_else_changes()
    {
        using var librarian = await app.SignInLibrarianAsync();
        using var patron = await app.NewPatronAsync();
        var book = await librarian.CreateBookAsync(AdminApi.NewBook(copies: 3));
        await patron.Client.BorrowNewAsync(book.Id, 2);

        var response = await librarian.PutAsJsonAsync($"/api/books/{book.Id}",
            AdminApi.NewBook("Renamed " + book.Title, copies: 1) with { Isbn = book.Isbn });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("TotalCopiesCannotDropBelowOnLoan", await response.RuleOfAsync());
        Assert.Contains("2 copies are on loan", (await response.ReadAsync<Api.Problem>()).Detail);
        var stored = await app.WithDbAsync(db => db.Books.AsNoTracking().SingleAsync(b => b.Id == book.Id));
        Assert.Equal((book.Title, 3, 1), (stored.Title, stored.TotalCopies, stored.AvailableCopies));

        var ok = await librarian.PutAsJsonAsync($"/api/books/{book.Id}", AdminApi.NewBook(book.Title, copies: 2) with { Isbn = book.Isbn });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(0, (await ok.ReadAsync<Api.Book>()).AvailableCopies);
    }

    [Fact]
    public async Task A_book_with_copies_on_loan_cannot_be_deleted_but_archiving_hides_it_from_the_catalogue()
    {
        using var librarian = await app.SignInLibrarianAsync();
        using var patron = await app.NewPatronAsync();
        var book = await librarian.CreateBookAsync();
        await patron.Client.BorrowNewAsync(book.Id);

        var delete = await librarian.DeleteAsync($"/api/books/{book.Id}");
        Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
        Assert.Equal("BookWithCopiesOnLoanCannotBeDeleted", await delete.RuleOfAsync());
        Assert.Contains("Archive it", (await delete.ReadAsync<Api.Problem>()).Detail);

        Assert.Equal(HttpStatusCode.OK, (await librarian.PostAsync($"/api/books/{book.Id}/archive", null)).StatusCode);
        var search = await patron.Client.GetJsonAsync<Api.BookPage>($"/api/books?search={Uri.EscapeDataString(book.Title)}");
        Assert.DoesNotContain(search.Items, b => b.Id == book.Id);
        var borrow = await patron.Client.BorrowAsync(book.Id, 1);
        Assert.Equal(HttpStatusCode.Conflict, borrow.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await librarian.PostAsync($"/api/books/{book.Id}/restore", null)).StatusCode);
        search = await patron.Client.GetJsonAsync<Api.BookPage>($"/api/books?search={Uri.EscapeDataString(book.Title)}");
        Assert.Contains(search.Items, b => b.Id == book.Id);
    }

    [Fact]
    public async Task A_returned_book_keeps_its_history_so_it_cannot_be_deleted_either()
    {
        using var librarian = await app.SignInLibrarianAsync();
        using var patron = await app.NewPatronAsync();
        var book = await librarian.CreateBookAsync();
        var loan = await patron.Client.BorrowNewAsync(book.Id);
        await patron.Client.ReturnAsync(loan.Id, 1);

        var delete = await librarian.DeleteAsync($"/api/books/{book.Id}");

        Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
        Assert.Equal("BookWithLoanHistoryCannotBeDeleted", await delete.RuleOfAsync());
    }

    [Fact]
    public async Task A_book_never_lent_can_be_deleted_and_the_audit_keeps_what_it_was()
    {
        using var librarian = await app.SignInLibrarianAsync();
        var book = await librarian.CreateBookAsync();

        Assert.Equal(HttpStatusCode.NoContent, (await librarian.DeleteAsync($"/api/books/{book.Id}")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await librarian.GetAsync($"/api/books/{book.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await librarian.DeleteAsync($"/api/books/{book.Id}")).StatusCode);
        var audit = await librarian.GetJsonAsync<AdminApi.Page<AdminApi.AuditEntry>>($"/api/admin/audit?entityType=Book&entityId={book.Id}&action=Book.Deleted");
        var entry = Assert.Single(audit.Items);
        Assert.Contains(book.Title, entry.Before);
        Assert.Null(entry.After);
    }

    [Fact]
    public async Task Every_catalogue_change_reaches_open_pages_and_the_stock_hub_live()
    {
        using var librarian = await app.SignInLibrarianAsync();
        var changes = new List<CatalogueChange>();
        var stock = new List<StockLevel>();
        var hubChanges = new List<string>();
        using var catalogueSubscription = app.Services.GetRequiredService<CatalogueNotifier>().SubscribeAll(c => { lock (changes) { changes.Add(c); } return Task.CompletedTask; });
        using var stockSubscription = app.Services.GetRequiredService<StockNotifier>().SubscribeAll(s => { lock (stock) { stock.Add(s); } return Task.CompletedTask; });
        await using var hub = new HubConnectionBuilder().WithUrl(new Uri(app.BaseAddress, StockHub.Path)).Build();
        hub.On<HubChange>(StockHub.CatalogueChanged, c => { lock (hubChanges) { hubChanges.Add($"{c.BookId}:{c.Change}"); } });
        await hub.StartAsync();

        var book = await librarian.CreateBookAsync(AdminApi.NewBook(copies: 2));
        await librarian.PutAsJsonAsync($"/api/books/{book.Id}", AdminApi.NewBook("Edited " + book.Title, copies: 5) with { Isbn = book.Isbn });
        await librarian.PostAsync($"/api/books/{book.Id}/archive", null);
        await librarian.PostAsync($"/api/books/{book.Id}/restore", null);
        await librarian.DeleteAsync($"/api/books/{book.Id}");
        await app.WaitForOutboxAsync();

        BookCatalogueChange[] expected =
            [BookCatalogueChange.Added, BookCatalogueChange.Edited, BookCatalogueChange.Archived, BookCatalogueChange.Restored, BookCatalogueChange.Removed];
        await Eventually(() => changes.Count(c => c.BookId == book.Id) == expected.Length && hubChanges.Count(h => h.StartsWith($"{book.Id}:")) == expected.Length);
        Assert.Equal(expected, changes.Where(c => c.BookId == book.Id).Select(c => c.Change));
        Assert.Equal(expected.Select(e => $"{book.Id}:{e}"), hubChanges.Where(h => h.StartsWith($"{book.Id}:")));
        Assert.Contains(stock, s => s.BookId == book.Id && s.TotalCopies == 5 && s.AvailableCopies == 5);
    }

    private sealed record HubChange(int BookId, string Change);

    private static async Task Eventually(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(50);
        }
    }

    private static string Hyphenate(string isbn13) => $"{isbn13[..3]}-{isbn13[3..5]}-{isbn13[5..9]}-{isbn13[9..12]}-{isbn13[12]}";
}
