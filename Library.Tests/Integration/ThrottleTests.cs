using System.Net;
using Library.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Library.Tests.Integration;

public sealed class ThrottleTests
{
    [Fact]
    public async Task Exceeding_the_per_patron_limit_answers_429_with_retry_after_and_lends_nothing()
    {
        await using var app = new LibraryApp()
            .With("Lending:Throttle:PerPatronBurst", "2")
            .With("Lending:Throttle:PerPatronPerSecond", "1")
            // No refill while the test runs: on a loaded machine a second passed between the borrows and the third got through.
            .With("Lending:Throttle:PerPatronReplenishmentPeriod", "01:00:00");
        await app.InitializeAsync();
        using var patron = await app.SignInPatronAsync();
        var book = await patron.FindBookWithCopiesAsync(3);

        var first = await patron.BorrowAsync(book.Id, 1);
        var second = await patron.BorrowAsync(book.Id, 1);
        var third = await patron.BorrowAsync(book.Id, 1);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.True(third.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "Retry-After tells the client when to come back");
        Assert.Equal("application/problem+json", third.Content.Headers.ContentType?.MediaType);
        var loans = await app.WithDbAsync(db => db.Loans.CountAsync(l => l.BookId == book.Id));
        Assert.Equal(2, loans);
    }

    [Fact]
    public async Task Another_patron_is_not_slowed_down_by_someone_else_hitting_the_limit()
    {
        await using var app = new LibraryApp()
            .With("Lending:Throttle:PerPatronBurst", "1")
            .With("Lending:Throttle:PerPatronPerSecond", "1")
            // No refill while the test runs: on a loaded machine a second could pass between the two borrows.
            .With("Lending:Throttle:PerPatronReplenishmentPeriod", "01:00:00");
        await app.InitializeAsync();
        using var patron = await app.SignInPatronAsync();
        using var other = await app.SignInApiAsync(LibraryApp.Patron2Email, LibraryApp.PatronPassword);
        var book = await patron.FindBookWithCopiesAsync(3);

        await patron.BorrowAsync(book.Id, 1);
        var throttled = await patron.BorrowAsync(book.Id, 1);
        var others = await other.BorrowAsync(book.Id, 1);

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal(HttpStatusCode.Created, others.StatusCode);
    }
}
