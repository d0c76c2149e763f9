using Library.Domain.Common;

namespace Library.Domain.Lending.Events;

/// <summary>A loan passed its due date with copies still out. Raised once per loan by the overdue sweep.</summary>
public sealed record BookExpired(
    Guid EventId, DateTimeOffset OccurredAt, Guid LoanId, string PatronId, int BookId, int QuantityOnLoan, DateTimeOffset DueAt)
    : DomainEvent(EventId, OccurredAt);
