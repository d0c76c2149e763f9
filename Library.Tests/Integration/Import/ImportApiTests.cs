using System.Net;
using System.Text;
using System.Text.Json;
using Library.Tests.Admin;
using Library.Tests.Integration.Copies;
using Library.Tests.TestSupport;
using Library.Web.Features.Admin.Audit;
using Microsoft.EntityFrameworkCore;
using static Library.Tests.Integration.Import.ImportApi;

namespace Library.Tests.Integration.Import;

/// <summary>POST /api/admin/books/import on the store the tests run on (SQLite, or PostgreSQL with LIBRARY_TEST_PROVIDER).</summary>
public sealed class ImportApiTests(LibraryApp app) : IClassFixture<LibraryApp>
{
    private Task<int> CountAsync(params string[] isbns) => app.WithDbAsync(db => db.Books.CountAsync(b => isbns.Contains(b.Isbn)));

    private Task<List<AuditEntry>> ImportAuditsAsync(string fileName) =>
        app.WithDbAsync(db => db.Set<AuditEntry>().Where(a => a.Action == AuditActions.BooksImported && a.Summary == fileName).ToListAsync());

    [Fact]
    public async Task A_dry_run_reports_the_counts_and_writes_nothing()
    {
        using var librarian = await app.SignInLibrarianAsync();
        var (a, b) = (AdminApi.NewIsbn(), AdminApi.NewIsbn());
        var file = "dry-" + Guid.NewGuid().ToString("N")[..6] + ".csv";

        var result = await librarian.ImportAsync(Csv($"{a},Dry one,Writer,,,2,", $"{b},Dry two,Writer,,,1,"), $"dryRun=true&fileName={file}");

        Assert.Equal((2, 0, 0), (result.Imported, result.Updated, result.Skipped));
        Assert.Equal(0, await CountAsync(a, b));
        Assert.Empty(await ImportAuditsAsync(file));
    }

    [Fact]
    public async Task Importing_the_same_file_again_creates_no_duplicates_and_each_run_is_audited_once()
    {
        using var librarian = await app.SignInLibrarianAsync();
        var (a, b) = (AdminApi.NewIsbn(), AdminApi.NewIsbn());
        var file = "again-" + Guid.NewGuid().ToString("N")[..6] + ".csv";
        var csv = Csv($"{a},Again one,Writer,Pub,2001,2,First", $"{b},\"Again, two\",Writer,,,,");

        var first = await librarian.ImportAsync(csv, $"fileName={file}");
        var second = await librarian.ImportAsync(csv, $"fileName={file}");

        Assert.Equal((2, 0, 0), (first.Imported, first.Updated, first.Skipped));
        Assert.Equal((0, 0, 2), (second.Imported, second.Updated, second.Skipped));
        Assert.Equal(2, await CountAsync(a, b));
        var books = await app.WithDbAsync(db => db.Books.Include(x => x.Copies).Where(x => x.Isbn == a || x.Isbn == b).ToListAsync());
        Assert.Equal([2, 1], books.OrderBy(x => x.Isbn == b).Select(x => x.Copies.Count));
        var audits = await ImportAuditsAsync(file);
        Assert.Equal(2, audits.Count);
        Assert.All(audits, e => Assert.Equal(LibraryApp.LibrarianEmail, e.ActorEmail));
        var after = JsonDocument.Parse(audits.OrderBy(e => e.At).First().After!).RootElement;
        Assert.Equal((2, "Csv", "Add"), (after.GetProperty("imported").GetInt32(), after.GetProperty("format").GetString(), after.GetProperty("mode").GetString()));
        await app.WaitForOutboxAsync();
    }

    [Fact]
    public async Task Bad_rows_are_rejected_with_their_line_and_the_good_ones_import()
    {
        using var librarian = await app.SignInLibrarianAsync();
        var (good, dup) = (AdminApi.NewIsbn(), AdminApi.NewIsbn());

        var result = await librarian.ImportAsync(Csv(
            $"{dup},Kept,Writer,,,,",
            "9780441172710,Bad ISBN,Writer,,,,",
            $"{good},\"Spans\nlines\",Writer,,,,",
            $"{AdminApi.NewIsbn()},,Writer,,,,",
            $"{dup},Second copy of the ISBN,Writer,,,,",
            $"{AdminApi.NewIsbn()},Old,Writer,,1200,,"));

        Assert.Equal(2, result.Imported);
        Assert.Equal([3, 6, 7, 8], result.Rejected.Select(r => r.Line));
        Assert.StartsWith("ISBN: ", result.Rejected[0].Error);
        Assert.Contains("line 2", result.Rejected[2].Error);
        Assert.Equal(2, await CountAsync(good, dup));
    }

    [Fact]
    public async Task Errors_are_in_the_callers_language()
    {
        using var librarian = await app.SignInLibrarianAsync();
        librarian.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ko");

        var result = await librarian.ImportAsync(Csv($"{AdminApi.NewIsbn()},,한강,,,,"), "dryRun=true");

        Assert.Equal("서명: 서명이 없습니다.", Assert.Single(result.Rejected).Error);
    }

    [Fact]
    public async Task Update_mode_takes_the_files_values_but_never_drops_below_the_copies_on_loan()
    {
        using var librarian = await app.SignInLibrarianAsync();
        using var patron = await app.NewPatronAsync();
        var book = await librarian.CreateBookAsync(AdminApi.NewBook(copies: 3));
        await patron.Client.BorrowNewAsync(book.Id, 2);

        var tooFew = await librarian.ImportAsync(Csv($"{book.Isbn},New title,New author,,,1,"), "mode=update");
        var enough = await librarian.ImportAsync(Csv($"{book.Isbn},New title,New author,New pub,2020,2,"), "mode=update");
        var again = await librarian.ImportAsync(Csv($"{book.Isbn},New title,New author,New pub,2020,2,"), "mode=update");

        Assert.Equal(2, Assert.Single(tooFew.Rejected).Line);
        Assert.Equal((0, 1, 0), (enough.Imported, enough.Updated, enough.Skipped));
        Assert.Equal((0, 0, 1), (again.Imported, again.Updated, again.Skipped));
        var stored = await app.WithDbAsync(db => db.Books.SingleAsync(b => b.Id == book.Id));
        Assert.Equal(("New title", "New author", "New pub", 2020, 2, 0), (stored.Title, stored.Author, stored.Publisher, stored.Year, stored.TotalCopies, stored.AvailableCopies));
        await app.AssertCountersMatchCopiesAsync();
    }

    [Fact]
    public async Task Update_mode_adds_copies_and_adds_titles_it_does_not_know()
    {
        using var librarian = await app.SignInLibrarianAsync();
        var book = await librarian.CreateBookAsync(AdminApi.NewBook(copies: 1));
        var fresh = AdminApi.NewIsbn();

        var result = await librarian.ImportAsync($"isbn,title,author,copies\n{book.Isbn},{book.Title},Test Author,4\n{fresh},Brand new,Writer,1\n", "mode=update");

        Assert.Equal((1, 1), (result.Imported, result.Updated));
        var stored = await app.WithDbAsync(db => db.Books.Include(b => b.Copies).SingleAsync(b => b.Id == book.Id));
        Assert.Equal((4, 4), (stored.TotalCopies, stored.Copies.Count));
        await app.AssertCountersMatchCopiesAsync();
    }

    [Fact]
    public async Task A_png_an_empty_body_and_a_file_over_the_limit_are_refused_and_change_nothing()
    {
        using var librarian = await app.SignInLibrarianAsync();
        var before = await app.WithDbAsync(db => db.Books.CountAsync());
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1];
        var oversize = Encoding.UTF8.GetBytes(Csv($"{AdminApi.NewIsbn()},Big,Writer,,,,")).Concat(new byte[20_971_520]).ToArray();

        var notCsv = await librarian.PostImportAsync(png, contentType: "text/csv");
        var empty = await librarian.PostImportAsync([]);
        var tooLarge = await librarian.PostImportAsync(oversize);
        var badMode = await librarian.PostImportAsync(Encoding.UTF8.GetBytes(Csv()), "mode=replace");

        Assert.Equal(HttpStatusCode.BadRequest, notCsv.StatusCode);
        Assert.Equal("application/problem+json", notCsv.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Import.File.Unrecognised", JsonDocument.Parse(await notCsv.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badMode.StatusCode);
        Assert.Equal(before, await app.WithDbAsync(db => db.Books.CountAsync()));
    }
}
