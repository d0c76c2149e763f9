using Library.Domain.Catalog.Events;
using Library.Domain.Messaging;
using Library.Web.Infrastructure.Messaging;
using Microsoft.AspNetCore.SignalR;

namespace Library.Web.Features.Catalog;

internal sealed class PublishCatalogueOnBookCatalogueChanged(CatalogueNotifier notifier, IHubContext<StockHub> hub, AfterCommit afterCommit)
    : IEventHandler<BookCatalogueChanged>
{
    public Task HandleAsync(BookCatalogueChanged domainEvent, CancellationToken cancellationToken)
    {
        var change = new CatalogueChange(domainEvent.BookId, domainEvent.Change);
        afterCommit.Enqueue(async () =>
        {
            await notifier.PublishAsync(change.BookId, change);
            await hub.Clients.All.SendAsync(
                StockHub.CatalogueChanged, new { bookId = change.BookId, change = change.Change.ToString() }, CancellationToken.None);
        });
        return Task.CompletedTask;
    }
}
