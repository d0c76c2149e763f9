using Library.Domain.Lending.Holds.Events;
using Library.Domain.Messaging;
using Library.Web.Infrastructure.Messaging;

namespace Library.Web.Features.Lending.Holds;

/// <summary>After commit, tells open pages that a title's hold queue changed (positions, ready, closed).</summary>
internal sealed class PublishHoldQueueOnHoldEvents(HoldQueueNotifier notifier, AfterCommit afterCommit) :
    IEventHandler<HoldPlaced>,
    IEventHandler<HoldReady>,
    IEventHandler<HoldFulfilled>,
    IEventHandler<HoldCancelled>,
    IEventHandler<HoldExpired>,
    IEventHandler<HoldRequeued>
{
    public Task HandleAsync(HoldPlaced e, CancellationToken ct) => Publish(e.BookId);

    public Task HandleAsync(HoldReady e, CancellationToken ct) => Publish(e.BookId);

    public Task HandleAsync(HoldFulfilled e, CancellationToken ct) => Publish(e.BookId);

    public Task HandleAsync(HoldCancelled e, CancellationToken ct) => Publish(e.BookId);

    public Task HandleAsync(HoldExpired e, CancellationToken ct) => Publish(e.BookId);

    public Task HandleAsync(HoldRequeued e, CancellationToken ct) => Publish(e.BookId);

    private Task Publish(int bookId)
    {
        afterCommit.Enqueue(() => notifier.PublishAsync(bookId, bookId));
        return Task.CompletedTask;
    }
}
