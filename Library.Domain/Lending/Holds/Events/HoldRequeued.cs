using Library.Domain.Common;

namespace Library.Domain.Lending.Holds.Events;

/// <summary>The copy held for the patron was found lost or damaged; the hold waits again at the head of the queue.</summary>
public sealed record HoldRequeued(Guid EventId, DateTimeOffset OccurredAt, Guid HoldId, string PatronId, int BookId) : DomainEvent(EventId, OccurredAt);
