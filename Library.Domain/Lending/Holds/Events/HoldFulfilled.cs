using Library.Domain.Common;

namespace Library.Domain.Lending.Holds.Events;

/// <summary>The patron borrowed the copy held for them.</summary>
public sealed record HoldFulfilled(Guid EventId, DateTimeOffset OccurredAt, Guid HoldId, string PatronId, int BookId, Guid LoanId) : DomainEvent(EventId, OccurredAt);
