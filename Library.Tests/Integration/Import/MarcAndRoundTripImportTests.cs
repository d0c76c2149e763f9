using Library.Tests.Admin;
using Library.Tests.Import.Marc;
using Library.Tests.Integration.Export;
using Library.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Library.Tests.Integration.Import.ImportApi;

namespace Library.Tests.Integration.Import;

/// <summary>MARC files through POST /api/admin/books/import, and the books export read back by the import.</summary>
public sealed class MarcAndRoundTripImportTests(LibraryApp app) : IClassFixture<LibraryApp>
{
    [Fact]
    public async Task A_MARC_file_imports_its_titles_and_the_same_records_as_MARCXML_are_then_skipped()
    {
        using var librarian = await app.SignInLibrarianAsync();

        var iso = await librarian.PostImportAsync(await File.ReadAllBytesAsync(MarcExpected.Fixture("marc-sample.mrc")),
            "fileName=marc-sample.mrc", "application/marc");
        var first = await iso.ReadAsync<Result>();
        var xml = await librarian.PostImportAsync(await File.ReadAllBytesAsync(MarcExpected.Fixture("marc-sample.xml")),
            "fileName=marc-sample.xml", "application/marcxml+xml");
        var second = await xml.ReadAsync<Result>();

        // Record 3 has no 020: rejected with its record number; the other three are titles.
        Assert.Equal((3, 0, 0), (first.Imported, first.Updated, first.Skipped));
        Assert.Equal([3], first.Rejected.Select(r => r.Line));
        Assert.Equal((0, 0, 3), (second.Imported, second.Updated, second.Skipped));
        var vegetarian = await app.WithDbAsync(db => db.Books.Include(b => b.Copies).SingleAsync(b => b.Isbn == MarcExpected.Vegetarian.Isbn));
        Assert.Equal(("채식주의자 : 한강 장편소설", "한강", "창비", 2007, 2),
            (vegetarian.Title, vegetarian.Author, vegetarian.Publisher, vegetarian.Year, vegetarian.Copies.Count));
        await app.WaitForOutboxAsync();
    }

    [Fact]
    public async Task The_books_export_imports_back_unchanged()
    {
        using var librarian = await app.SignInLibrarianAsync();
        var tag = "rt" + Guid.NewGuid().ToString("N")[..8];
        var (korean, formula) = (AdminApi.NewIsbn(), AdminApi.NewIsbn());
        await librarian.ImportAsync(Csv(
            $"{korean},\"소년이 온다 {tag}\",한강,\"창비, 서울\",2014,3,\"5·18을 다룬 \"\"소설\"\"\"",
            $"{formula},=Sum of parts {tag},Writer,,,1,"));

        var export = await ExportCsv.GetAsync(librarian, $"/api/admin/books/export?search={tag}");
        Assert.Equal(2, export.Rows.Count);
        Assert.Contains("'=Sum of parts", export.Text); // the spreadsheet formula guard
        var again = await librarian.PostImportAsync(export.Bytes, "mode=update&fileName=export.csv");
        var result = await again.ReadAsync<Result>();

        Assert.Equal((0, 0, 2), (result.Imported, result.Updated, result.Skipped));
        Assert.Empty(result.Rejected);
        var titles = await app.WithDbAsync(db => db.Books.Where(b => b.Isbn == korean || b.Isbn == formula)
            .OrderBy(b => b.Isbn == formula).Select(b => new { b.Title, b.Publisher, b.Description, b.TotalCopies }).ToListAsync());
        Assert.Equal($"=Sum of parts {tag}", titles[1].Title);
        Assert.Equal(("창비, 서울", "5·18을 다룬 \"소설\"", 3), (titles[0].Publisher, titles[0].Description, titles[0].TotalCopies));
        await app.WaitForOutboxAsync();
    }
}
