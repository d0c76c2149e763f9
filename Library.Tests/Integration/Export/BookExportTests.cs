using System.Net.Http.Json;
using Library.Tests.Admin;
using Library.Tests.TestSupport;
using Library.Web.Localization;
using Microsoft.Extensions.DependencyInjection;

namespace Library.Tests.Integration.Export;

/// <summary>GET /api/admin/books/export: the catalogue in the import's columns, with the Books page's filters.</summary>
public sealed class BookExportTests(LibraryApp app) : IClassFixture<LibraryApp>
{
    [Fact]
    public async Task Catalogue_exports_in_the_import_columns_and_reads_back_to_the_same_titles()
    {
        using var librarian = await app.SignInLibrarianAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var korean = await librarian.CreateBookAsync(new AdminApi.BookInput(
            $"채식주의자 {tag}", "한강", AdminApi.NewIsbn(), "창비", 2007, "평범한 여자 영혜가, \"육식\"을 거부한다.", 4));
        var plain = await librarian.CreateBookAsync(new AdminApi.BookInput($"Alpha {tag}", "Tolkien, J. R. R.", AdminApi.NewIsbn(), null, null, null, 1));

        var csv = await ExportCsv.GetAsync(librarian, $"/api/admin/books/export?search={tag}");

        csv.AssertSpreadsheetFile("books", Today());
        Assert.StartsWith("\uFEFFisbn,title,author,publisher,year,copies,description\r\n", csv.Text);
        Assert.Equal(["isbn", "title", "author", "publisher", "year", "copies", "description"], csv.Header);
        Assert.Equal(
            [
                [plain.Isbn, $"Alpha {tag}", "Tolkien, J. R. R.", "", "", "1", ""],
                [korean.Isbn, $"채식주의자 {tag}", "한강", "창비", "2007", "4", "평범한 여자 영혜가, \"육식\"을 거부한다."],
            ],
            csv.Rows);
    }

    [Fact]
    public async Task Archived_titles_are_left_out_unless_asked_for_and_the_search_filter_applies()
    {
        using var librarian = await app.SignInLibrarianAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var archived = await librarian.CreateBookAsync(AdminApi.NewBook($"Archived {tag}"));
        await librarian.CreateBookAsync(AdminApi.NewBook($"Active {tag}"));
        await librarian.CreateBookAsync(AdminApi.NewBook($"Other {Guid.NewGuid():N}"));
        (await librarian.PostAsync($"/api/books/{archived.Id}/archive", null)).EnsureSuccessStatusCode();

        var active = await ExportCsv.GetAsync(librarian, $"/api/admin/books/export?search={tag}");
        var all = await ExportCsv.GetAsync(librarian, $"/api/admin/books/export?search={tag}&status=All");
        var onlyArchived = await ExportCsv.GetAsync(librarian, $"/api/admin/books/export?search={tag}&status=Archived");

        Assert.Equal([$"Active {tag}"], active.Rows.Select(r => active.Column(r, "title")));
        Assert.Equal([$"Active {tag}", $"Archived {tag}"], all.Rows.Select(r => all.Column(r, "title")));
        Assert.Equal([$"Archived {tag}"], onlyArchived.Rows.Select(r => onlyArchived.Column(r, "title")));
    }

    [Fact]
    public async Task A_title_a_spreadsheet_would_run_as_a_formula_is_written_with_a_leading_apostrophe()
    {
        using var librarian = await app.SignInLibrarianAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        await librarian.CreateBookAsync(AdminApi.NewBook($"=HYPERLINK(\"http://evil.example\",\"{tag}\")"));

        var csv = await ExportCsv.GetAsync(librarian, $"/api/admin/books/export?search={tag}");

        Assert.Equal($"'=HYPERLINK(\"http://evil.example\",\"{tag}\")", csv.Column(Assert.Single(csv.Rows), "title"));
    }

    [Fact]
    public async Task A_bad_status_is_400_with_problem_details()
    {
        using var librarian = await app.SignInLibrarianAsync();

        var response = await librarian.GetAsync("/api/admin/books/export?status=Gone");

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private DateOnly Today() => app.Services.GetRequiredService<LibraryDates>().LocalDate(app.Clock.GetUtcNow());
}
