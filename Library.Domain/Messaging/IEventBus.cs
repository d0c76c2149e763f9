using Library.Domain.Common;

namespace Library.Domain.Messaging;

/// <summary>The only contract modules share. Publishing outside a unit of work delivers through the outbox as well.</summary>
public interface IEventBus
{
    Task PublishAsync<TEvent>(TEvent domainEvent, CancellationToken cancellationToken = default)
        where TEvent : IDomainEvent;
}
