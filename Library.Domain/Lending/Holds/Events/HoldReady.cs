using Library.Domain.Common;

namespace Library.Domain.Lending.Holds.Events;

/// <summary>A copy went to the hold shelf for the patron; they may borrow it until ReadyUntil.</summary>
public sealed record HoldReady(Guid EventId, DateTimeOffset OccurredAt, Guid HoldId, string PatronId, int BookId, int CopyId, string Barcode, DateTimeOffset ReadyUntil) : DomainEvent(EventId, OccurredAt);
