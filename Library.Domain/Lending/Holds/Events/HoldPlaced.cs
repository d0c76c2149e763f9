using Library.Domain.Common;

namespace Library.Domain.Lending.Holds.Events;

/// <summary>A patron joined a title's queue.</summary>
public sealed record HoldPlaced(Guid EventId, DateTimeOffset OccurredAt, Guid HoldId, string PatronId, int BookId) : DomainEvent(EventId, OccurredAt);
