using Library.Domain.Common;
using Library.Domain.Lending.Events;
using Library.Domain.Messaging;
using Library.Tests.TestSupport;
using Library.Web.Infrastructure.Messaging;
using Library.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Library.Tests.Integration;

/// <summary>
/// Outbox rows and processed-event records carry stable names (<c>lending.book-borrowed</c>, <c>dashboard.projection</c>), not
/// CLR type names, so renaming a class neither strands stored events nor applies them a second time.
/// </summary>
public sealed class StableMessageNamesTests
{
    private const string NamePattern = "^[a-z]+\\.[a-z]+(-[a-z]+)*$";

    [Fact]
    public void Every_domain_event_has_exactly_one_stored_name_that_leads_back_to_it()
    {
        var events = typeof(IDomainEvent).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsClass: true } && typeof(IDomainEvent).IsAssignableFrom(t))
            .ToList();

        Assert.NotEmpty(events);
        Assert.Equal(events.OrderBy(t => t.FullName), EventTypeRegistry.All.Values.OrderBy(t => t.FullName));
        Assert.All(events, e =>
        {
            var name = EventTypeRegistry.NameOf(e);
            Assert.Matches(NamePattern, name);
            Assert.NotEqual(e.Name, name);
            Assert.Equal(e, EventTypeRegistry.Resolve(name));
        });
        Assert.Equal(events.Count, events.Select(EventTypeRegistry.NameOf).Distinct().Count());
    }

    [Fact]
    public async Task Every_event_handler_of_the_app_is_registered_under_exactly_one_unique_name()
    {
        await using var app = new LibraryApp();
        await app.InitializeAsync();
        var registry = app.Services.GetRequiredService<EventHandlerRegistry>();
        var handlers = typeof(LibraryDbContext).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsClass: true } && t.GetInterfaces().Any(IsEventHandler))
            .ToList();

        Assert.NotEmpty(handlers);
        Assert.Equal(handlers.OrderBy(t => t.FullName), registry.Names.Values.OrderBy(t => t.FullName));
        Assert.All(handlers, h =>
        {
            var name = registry.NameOf(h);
            Assert.Matches(NamePattern, name);
            Assert.Equal(h, registry.Names[name]);
        });
        Assert.Equal(handlers.Count, handlers.Select(registry.NameOf).Distinct().Count());
    }

    [Fact]
    public void A_name_taken_by_another_handler_or_a_second_name_for_one_handler_fails_at_start_up()
    {
        var registry = new EventHandlerRegistry();
        registry.Add(typeof(BookBorrowed), typeof(FirstHandler), "test.first");
        registry.Add(typeof(BookReturned), typeof(FirstHandler), "test.first"); // one handler, several events, one name

        Assert.Throws<InvalidOperationException>(() => registry.Add(typeof(BookBorrowed), typeof(SecondHandler), "test.first"));
        Assert.Throws<InvalidOperationException>(() => registry.AddLive(typeof(BookBorrowed), typeof(FirstHandler), "test.other"));
        Assert.Equal([typeof(FirstHandler)], registry.HandlersFor(typeof(BookReturned)));
    }

    [Fact]
    public async Task A_borrow_stores_its_events_and_their_handlers_under_the_stable_names()
    {
        await using var app = new LibraryApp();
        await app.InitializeAsync();
        using var patron = await app.SignInPatronAsync();
        var book = await patron.FindBookWithCopiesAsync(1);

        var loan = await (await patron.BorrowAsync(book.Id, 1)).ReadAsync<Api.Loan>();
        await app.WaitForOutboxAsync();

        var borrowed = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
            .SingleAsync(m => m.Type == "lending.book-borrowed" && m.Payload.Contains(loan.Id.ToString())));
        var appliedBy = await app.WithDbAsync(db => db.ProcessedEvents.Where(p => p.EventId == borrowed.Id).Select(p => p.Handler).ToListAsync());
        Assert.NotNull(borrowed.ProcessedAt);
        Assert.Equal(["dashboard.projection"], appliedBy);
        var clrNames = typeof(LibraryDbContext).Assembly.GetTypes().Select(t => t.Name).Concat(typeof(IDomainEvent).Assembly.GetTypes().Select(t => t.Name)).ToHashSet();
        Assert.DoesNotContain(await app.WithDbAsync(db => db.OutboxMessages.Select(m => m.Type).Distinct().ToListAsync()), clrNames.Contains);
        Assert.DoesNotContain(await app.WithDbAsync(db => db.ProcessedEvents.Select(p => p.Handler).Distinct().ToListAsync()), clrNames.Contains);
    }

    [Fact]
    public async Task An_outbox_row_with_an_unknown_name_is_retried_then_parked_with_the_reason_while_later_events_are_delivered()
    {
        await using var app = new LibraryApp()
            .With("Outbox:MaxAttempts", "2")
            .With("Outbox:FirstRetryDelay", "00:00:00.050")
            .With("Outbox:PollInterval", "00:00:00.100");
        await app.InitializeAsync();
        var unknownId = Guid.NewGuid();
        await app.WithDbAsync(db =>
        {
            db.OutboxMessages.Add(new OutboxMessage
            {
                Id = unknownId, Type = "lending.book-lent-by-a-newer-version", Payload = "{}", OccurredAt = app.Clock.GetUtcNow().AddMinutes(-1),
            });
            return db.SaveChangesAsync();
        });
        using var patron = await app.SignInPatronAsync();
        var book = await patron.FindBookWithCopiesAsync(1);
        await patron.BorrowAsync(book.Id, 1);

        await Eventually.HoldsAsync(
            () => app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.Id == unknownId && m.FailedAt != null)), "the unknown event parked");
        var parked = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == unknownId));

        Assert.Equal(2, parked.Attempts);
        Assert.Contains("lending.book-lent-by-a-newer-version", parked.LastError);
        Assert.Null(parked.ProcessedAt);
        await app.WaitForOutboxAsync();
        var dashboard = await (await patron.GetAsync("/api/me/dashboard")).ReadAsync<Api.Dashboard>();
        Assert.Equal(1, dashboard.BooksOnLoan);
    }

    private static bool IsEventHandler(Type i) => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEventHandler<>);

    private sealed class FirstHandler : IEventHandler<BookBorrowed>, IEventHandler<BookReturned>
    {
        public Task HandleAsync(BookBorrowed domainEvent, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task HandleAsync(BookReturned domainEvent, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class SecondHandler : IEventHandler<BookBorrowed>
    {
        public Task HandleAsync(BookBorrowed domainEvent, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
