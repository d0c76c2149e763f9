using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Library.Tests.Admin;
using Library.Tests.TestSupport;
using Library.Web.Features.Admin.Audit;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;
using Library.Domain.Catalog.Events;
using Library.Web.Features.Catalog;
using Microsoft.Extensions.DependencyInjection;

namespace Library.Tests.Integration.Covers;

public sealed class CoverUploadTests(LibraryApp app) : IClassFixture<LibraryApp>
{
    [Theory]
    [InlineData(SKEncodedImageFormat.Png, "image/png")]
    [InlineData(SKEncodedImageFormat.Jpeg, "image/jpeg")]
    [InlineData(SKEncodedImageFormat.Webp, "image/webp")]
    public async Task A_real_image_is_accepted_and_served_as_thumbnails_that_the_catalogue_knows_of(SKEncodedImageFormat format, string type)
    {
        using var librarian = await app.SignInLibrarianAsync();
        var book = await librarian.CreateBookAsync();
        var upload = TestImages.Make(format, 1200, 1800);

        using var put = await librarian.PutCoverAsync(book.Id, upload, type);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var version = (await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetString();
        Assert.False(string.IsNullOrEmpty(version));
        using var anonymous = app.CreateApiClient();
        var details = await anonymous.GetFromJsonAsync<JsonElement>($"/api/books/{book.Id}");
        Assert.Equal(version, details.GetProperty("coverVersion").GetString());

        foreach (var (size, width) in new[] { ("small", 160), ("large", 480) })
        {
            using var get = await anonymous.GetAsync($"/api/books/{book.Id}/cover?size={size}");
            Assert.Equal(HttpStatusCode.OK, get.StatusCode);
            Assert.Equal("image/webp", get.Content.Headers.ContentType?.MediaType);
            var bytes = await get.Content.ReadAsByteArrayAsync();
            Assert.NotEqual(upload, bytes); // re-encoded, never the upload itself
            var read = TestImages.Read(bytes);
            Assert.Equal((SKEncodedImageFormat.Webp, width, width * 3 / 2), read);
        }
    }

    [Fact]
    public async Task A_text_file_renamed_png_is_refused_with_problem_details_and_nothing_is_stored()
    {
        using var librarian = await app.SignInLibrarianAsync();
        var book = await librarian.CreateBookAsync();

        using var response = await librarian.PutCoverAsync(book.Id, Encoding.UTF8.GetBytes("Just some notes, saved as cover.png\n"), "image/png");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("NotAnImage", problem.GetProperty("problem").GetString());
        Assert.Contains("not an image", problem.GetProperty("errors").GetProperty("body")[0].GetString());
        Assert.Null(await app.WithDbAsync(db => db.Books.Where(b => b.Id == book.Id).Select(b => b.CoverVersion).SingleAsync()));
        using var anonymous = app.CreateApiClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/books/{book.Id}/cover")).StatusCode);
    }

    [Fact]
    public async Task An_image_in_another_format_a_truncated_one_and_a_tiny_one_are_refused()
    {
        using var librarian = await app.SignInLibrarianAsync();
        var book = await librarian.CreateBookAsync();
        var png = TestImages.Png();

        var cases = new (byte[] Bytes, string Problem)[]
        {
            (TestImages.Make(SKEncodedImageFormat.Png, 8, 8), "TooSmall"),
            (png[..(png.Length / 2)], "Unreadable"),
            (Bmp(32, 32), "UnsupportedFormat"),
            ([], "Empty"),
        };
        foreach (var (bytes, expected) in cases)
        {
            using var response = await librarian.PutCoverAsync(book.Id, bytes);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(expected, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problem").GetString());
        }
    }

    [Fact]
    public async Task An_upload_over_2_MB_is_refused_with_400()
    {
        using var librarian = await app.SignInLibrarianAsync();
        var book = await librarian.CreateBookAsync();
        var oversized = new byte[2_097_152 + 1];
        TestImages.Png().CopyTo(oversized, 0); // a real PNG at the start: the size alone refuses it

        using var response = await librarian.PutCoverAsync(book.Id, oversized);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("TooLarge", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problem").GetString());
    }

    [Fact]
    public async Task A_cover_for_an_unknown_title_is_404_and_only_librarians_may_set_one()
    {
        using var librarian = await app.SignInLibrarianAsync();
        var book = await librarian.CreateBookAsync();
        using var patron = await app.SignInPatronAsync();
        using var anonymous = app.CreateApiClient();

        Assert.Equal(HttpStatusCode.NotFound, (await librarian.PutCoverAsync(987_654, TestImages.Png())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await patron.PutCoverAsync(book.Id, TestImages.Png())).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PutCoverAsync(book.Id, TestImages.Png())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await patron.DeleteAsync($"/api/books/{book.Id}/cover")).StatusCode);
    }

    [Fact]
    public async Task Setting_and_removing_a_cover_is_audited_and_removal_leaves_the_placeholder()
    {
        using var librarian = await app.SignInLibrarianAsync();
        var book = await librarian.CreateBookAsync();
        var version = await librarian.SetCoverAsync(book.Id);

        Assert.Equal(HttpStatusCode.NoContent, (await librarian.DeleteAsync($"/api/books/{book.Id}/cover")).StatusCode);

        using var anonymous = app.CreateApiClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/books/{book.Id}/cover?v={version}")).StatusCode);
        var details = await anonymous.GetFromJsonAsync<JsonElement>($"/api/books/{book.Id}");
        Assert.Equal(JsonValueKind.Null, details.GetProperty("coverVersion").ValueKind);
        var actions = await app.WithDbAsync(db => db.Set<AuditEntry>().Where(e => e.EntityType == "Book" && e.EntityId == book.Id.ToString())
            .OrderBy(e => e.At).Select(e => e.Action).ToListAsync());
        Assert.Equal([AuditActions.BookCreated, AuditActions.BookCoverChanged, AuditActions.BookCoverRemoved], actions);
    }

    [Fact]
    public async Task Open_catalogue_pages_hear_of_a_new_and_a_removed_cover()
    {
        using var librarian = await app.SignInLibrarianAsync();
        var book = await librarian.CreateBookAsync();
        await app.WaitForOutboxAsync(); // the title's own "Added" is delivered before listening
        var changes = new List<CatalogueChange>();
        using var subscription = app.Services.GetRequiredService<CatalogueNotifier>()
            .SubscribeAll(c => { lock (changes) { changes.Add(c); } return Task.CompletedTask; });

        await librarian.SetCoverAsync(book.Id);
        await librarian.DeleteAsync($"/api/books/{book.Id}/cover");
        await app.WaitForOutboxAsync();

        await Eventually.HoldsAsync(() => { lock (changes) { return Task.FromResult(changes.Count(c => c.BookId == book.Id && c.Change == BookCatalogueChange.Edited) == 2); } },
            "two catalogue changes (Edited) for the title");
    }

    /// <summary>A minimal 24-bit BMP (Skia decodes it, but covers take JPEG, PNG and WebP only).</summary>
    private static byte[] Bmp(int width, int height)
    {
        var row = (width * 3 + 3) & ~3;
        var size = 54 + row * height;
        var bmp = new byte[size];
        "BM"u8.CopyTo(bmp);
        BitConverter.GetBytes(size).CopyTo(bmp, 2);
        BitConverter.GetBytes(54).CopyTo(bmp, 10);
        BitConverter.GetBytes(40).CopyTo(bmp, 14);
        BitConverter.GetBytes(width).CopyTo(bmp, 18);
        BitConverter.GetBytes(height).CopyTo(bmp, 22);
        BitConverter.GetBytes((short)1).CopyTo(bmp, 26);
        BitConverter.GetBytes((short)24).CopyTo(bmp, 28);
        return bmp;
    }
}
