using System.Net;
using System.Net.Http.Headers;
using Library.Tests.Admin;
using Library.Tests.TestSupport;

namespace Library.Tests.Integration.Covers;

public sealed class CoverCachingTests(LibraryApp app) : IClassFixture<LibraryApp>
{
    [Fact]
    public async Task A_cover_has_a_strong_etag_answers_304_when_unchanged_and_is_cached_long_only_under_its_version()
    {
        using var librarian = await app.SignInLibrarianAsync();
        var book = await librarian.CreateBookAsync();
        var version = await librarian.SetCoverAsync(book.Id);
        using var anonymous = app.CreateApiClient();

        using var versioned = await anonymous.GetAsync($"/api/books/{book.Id}/cover?size=small&v={version}");
        Assert.Equal(HttpStatusCode.OK, versioned.StatusCode);
        var etag = versioned.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);
        Assert.True(versioned.Headers.CacheControl is { Public: true, MaxAge.TotalDays: >= 365 });

        using var unversioned = await anonymous.GetAsync($"/api/books/{book.Id}/cover?size=small");
        Assert.Equal(etag, unversioned.Headers.ETag);
        Assert.True(unversioned.Headers.CacheControl is { Public: true, MaxAge.TotalMinutes: <= 10 });

        using var large = await anonymous.GetAsync($"/api/books/{book.Id}/cover?size=large");
        Assert.NotEqual(etag, large.Headers.ETag);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"/api/books/{book.Id}/cover?size=small");
        conditional.Headers.IfNoneMatch.Add(etag);
        using var notModified = await anonymous.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        // A new cover: a new version and ETag, so the old one no longer matches.
        var newVersion = await librarian.SetCoverAsync(book.Id, TestImages.Make(SkiaSharp.SKEncodedImageFormat.Jpeg, 300, 400));
        Assert.NotEqual(version, newVersion);
        using var stale = new HttpRequestMessage(HttpMethod.Get, $"/api/books/{book.Id}/cover?size=small");
        stale.Headers.IfNoneMatch.Add(etag);
        using var changed = await anonymous.SendAsync(stale);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
    }

    [Fact]
    public async Task A_title_without_a_cover_answers_404_and_a_bad_size_400()
    {
        using var librarian = await app.SignInLibrarianAsync();
        var book = await librarian.CreateBookAsync();
        using var anonymous = app.CreateApiClient();

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/books/{book.Id}/cover")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/books/987654/cover")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync($"/api/books/{book.Id}/cover?size=huge")).StatusCode);
    }
}
