using Library.Domain.Catalog.Events;
using Library.Domain.Messaging;
using Library.Web.Infrastructure.Messaging;
using Microsoft.AspNetCore.SignalR;

namespace Library.Web.Features.Catalog;

internal sealed class PublishStockOnBookStockChanged(StockNotifier notifier, IHubContext<StockHub> hub, AfterCommit afterCommit)
    : IEventHandler<BookStockChanged>
{
    public Task HandleAsync(BookStockChanged domainEvent, CancellationToken cancellationToken)
    {
        var level = new StockLevel(domainEvent.BookId, domainEvent.AvailableCopies, domainEvent.TotalCopies);
        afterCommit.Enqueue(async () =>
        {
            await notifier.PublishAsync(level.BookId, level);
            await hub.Clients.All.SendAsync(StockHub.StockChanged, level, CancellationToken.None);
        });
        return Task.CompletedTask;
    }
}
