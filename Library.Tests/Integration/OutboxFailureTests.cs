using Library.Domain.Lending.Events;
using Library.Domain.Messaging;
using Library.Tests.TestSupport;
using Library.Web.Infrastructure.Messaging;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Library.Tests.Integration;

public sealed class OutboxFailureTests
{
    [Fact]
    public async Task A_failing_handler_is_retried_then_parked_with_its_error_while_other_handlers_still_apply()
    {
        await using var app = new AppWithBrokenHandler()
            .With("Outbox:MaxAttempts", "3")
            .With("Outbox:FirstRetryDelay", "00:00:00.050")
            .With("Outbox:PollInterval", "00:00:00.100");
        await app.InitializeAsync();
        using var patron = await app.SignInPatronAsync();
        var book = await patron.FindBookWithCopiesAsync(2);

        await patron.BorrowAsync(book.Id, 2);

        var parked = await WaitForParkedAsync(app);
        Assert.Equal("lending.book-borrowed", parked.Type);
        Assert.Equal(3, parked.Attempts);
        Assert.Contains("Simulated handler failure", parked.LastError);
        Assert.Equal(3, BrokenHandler.Calls);
        var dashboard = await (await patron.GetAsync("/api/me/dashboard")).ReadAsync<Api.Dashboard>();
        Assert.Equal(2, dashboard.BooksOnLoan);
    }

    private static async Task<OutboxMessage> WaitForParkedAsync(LibraryApp app)
    {
        for (var i = 0; i < 100; i++)
        {
            var parked = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().FirstOrDefaultAsync(m => m.FailedAt != null));
            if (parked is not null)
            {
                return parked;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("No outbox message was parked.");
    }

    private sealed class AppWithBrokenHandler : LibraryApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddEventHandler<BookBorrowed, BrokenHandler>("test.broken-handler"));
        }
    }

    private sealed class BrokenHandler : IEventHandler<BookBorrowed>
    {
        public static int Calls;

        public Task HandleAsync(BookBorrowed domainEvent, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Calls);
            throw new InvalidOperationException("Simulated handler failure");
        }
    }
}
