using System.Net;
using Library.Tests.Accounts;
using Library.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Library.Tests.Admin.Copies;

/// <summary>The printed labels carry barcodes a scanner reads back as the copies' own codes, one label per chosen copy.</summary>
public sealed class LabelSheetTests(LibraryApp app) : IClassFixture<LibraryApp>
{
    [Fact]
    public async Task Each_chosen_copy_gets_one_label_whose_barcode_decodes_to_its_code()
    {
        var copies = await app.WithDbAsync(db => db.Copies.AsNoTracking().OrderBy(c => c.Id).Take(3)
            .Select(c => new { c.Id, c.Barcode, Title = db.Books.Single(b => b.Id == c.BookId).Title }).ToListAsync());
        using var librarian = new WebSession(app.BaseAddress);
        await SignInThrottleTests.SignInOnPageAsync(librarian, LibraryApp.LibrarianEmail, LibraryApp.LibrarianPassword);

        var response = await librarian.GetAsync($"/admin/labels?copies={string.Join(',', copies.Select(c => c.Id))}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(copies.Select(c => c.Barcode).Order(), SvgBarcodes.DecodeAll(html).Order());
        foreach (var copy in copies)
        {
            Assert.Equal(copy.Barcode, SvgBarcodes.Decode(SvgBarcodes.SvgInside(html, "copy", copy.Id.ToString())));
            Assert.Contains(WebUtility.HtmlEncode(copy.Barcode), html); // the human-readable code under the bars
        }

        Assert.Contains("1 sheet", html);
    }

    [Fact]
    public async Task A_title_s_labels_cover_all_its_copies_on_A4_sheets_of_24()
    {
        var book = await app.WithDbAsync(db => db.Books.AsNoTracking().OrderBy(b => b.Id)
            .Select(b => new { b.Id, Barcodes = db.Copies.Where(c => c.BookId == b.Id).Select(c => c.Barcode).ToList() }).FirstAsync());
        using var librarian = new WebSession(app.BaseAddress);
        await SignInThrottleTests.SignInOnPageAsync(librarian, LibraryApp.LibrarianEmail, LibraryApp.LibrarianPassword);

        var html = await (await librarian.GetAsync($"/admin/labels?book={book.Id}")).Content.ReadAsStringAsync();

        Assert.Equal(book.Barcodes.Order(), SvgBarcodes.DecodeAll(html).Order());
        Assert.Equal((book.Barcodes.Count + 23) / 24, html.Split("class=\"label-sheet\"").Length - 1);
    }

    [Fact]
    public async Task A_patron_cannot_open_the_labels_page()
    {
        using var patron = new WebSession(app.BaseAddress);
        await SignInThrottleTests.SignInOnPageAsync(patron, LibraryApp.PatronEmail, LibraryApp.PatronPassword);

        var html = await (await patron.GetAsync("/admin/labels?book=1")).Content.ReadAsStringAsync();

        Assert.DoesNotContain("data-testid=\"label\"", html);
    }
}
