using Library.Domain.Common;
using Library.Domain.Messaging;
using Library.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Library.Web.Infrastructure.Messaging;

/// <summary>Publishes an event that no aggregate raised (e.g. BorrowCancelled) through the outbox, so delivery is durable too.</summary>
internal sealed class OutboxEventBus(IDbContextFactory<LibraryDbContext> dbFactory, IWriteGate writeGate, OutboxSignal signal) : IEventBus
{
    public async Task PublishAsync<TEvent>(TEvent domainEvent, CancellationToken cancellationToken = default)
        where TEvent : IDomainEvent
    {
        using (await writeGate.EnterAsync(cancellationToken))
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            db.OutboxMessages.Add(EventTypeRegistry.ToOutboxMessage(domainEvent));
            await db.SaveChangesAsync(cancellationToken);
        }

        signal.Notify();
    }
}
