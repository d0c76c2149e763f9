using Library.Domain.Common;

namespace Library.Domain.Messaging;

/// <summary>
/// Handles one event type. A handler may be called again with the same event (at-least-once delivery);
/// the dispatcher records processed event ids per handler so each is applied once.
/// </summary>
public interface IEventHandler<in TEvent> where TEvent : IDomainEvent
{
    Task HandleAsync(TEvent domainEvent, CancellationToken cancellationToken);
}
