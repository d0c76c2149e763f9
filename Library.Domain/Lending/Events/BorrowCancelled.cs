using Library.Domain.Common;

namespace Library.Domain.Lending.Events;

/// <summary>A borrow request that could not be met (e.g. more copies requested than remain). Nothing was lent.</summary>
public sealed record BorrowCancelled(
    Guid EventId, DateTimeOffset OccurredAt, string PatronId, int BookId, int RequestedQuantity, string ReasonCode, string Reason)
    : DomainEvent(EventId, OccurredAt);
