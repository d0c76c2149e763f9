using Library.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Library.Tests.Integration;

public sealed class OutboxDeliveryTests
{
    [Fact]
    public async Task Event_left_in_the_outbox_is_delivered_after_restart_exactly_once_per_handler()
    {
        string dataDirectory;
        int bookId;

        // 1st run: the process stops before dispatching: the borrow is committed, its events wait in the outbox.
        await using (var first = new LibraryApp().With("Outbox:DispatchEnabled", "false"))
        {
            first.KeepDataOnDispose = true;
            await first.InitializeAsync();
            using var patron = await first.SignInPatronAsync();
            bookId = (await patron.FindBookWithCopiesAsync(3)).Id;
            Assert.Equal(System.Net.HttpStatusCode.Created, (await patron.BorrowAsync(bookId, 3)).StatusCode);
            Assert.Equal(0, (await (await patron.GetAsync("/api/me/dashboard")).ReadAsync<Api.Dashboard>()).BooksOnLoan);
            dataDirectory = first.DataDirectory;
        }

        // 2nd and 3rd run on the same file: delivered once, and not again.
        for (var run = 0; run < 2; run++)
        {
            await using var app = LibraryApp.RestartOn(dataDirectory);
            await app.InitializeAsync();
            await app.WaitForOutboxAsync();
            using var patron = await app.SignInPatronAsync();

            var dashboard = await (await patron.GetAsync("/api/me/dashboard")).ReadAsync<Api.Dashboard>();
            Assert.Equal(3, dashboard.BooksOnLoan);
            var deliveries = await app.WithDbAsync(db => db.ProcessedEvents
                .GroupBy(p => new { p.EventId, p.Handler })
                .Select(g => g.Count())
                .ToListAsync());
            Assert.NotEmpty(deliveries);
            Assert.All(deliveries, count => Assert.Equal(1, count));
            var activity = await app.WithDbAsync(db => db.ActivityEntries.CountAsync(a => a.BookId == bookId));
            Assert.Equal(1, activity);
        }

        LibraryApp.TryDelete(dataDirectory);
    }

    [Fact]
    public async Task Redelivered_event_is_not_applied_twice()
    {
        await using var app = new LibraryApp();
        await app.InitializeAsync();
        using var patron = await app.SignInPatronAsync();
        var book = await patron.FindBookWithCopiesAsync(2);
        await patron.BorrowAsync(book.Id, 2);
        await app.WaitForOutboxAsync();

        // Pretend the dispatcher crashed after the handlers ran but before marking the messages done.
        await app.WithDbAsync(db => db.OutboxMessages.ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAt, (DateTimeOffset?)null)));
        await app.WaitForOutboxAsync();

        var dashboard = await (await patron.GetAsync("/api/me/dashboard")).ReadAsync<Api.Dashboard>();
        Assert.Equal(2, dashboard.BooksOnLoan);
    }
}
