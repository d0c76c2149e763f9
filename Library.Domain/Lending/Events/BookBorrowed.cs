using Library.Domain.Common;

namespace Library.Domain.Lending.Events;

public sealed record BookBorrowed(
    Guid EventId, DateTimeOffset OccurredAt, Guid LoanId, string PatronId, int BookId, int Quantity, DateTimeOffset DueAt)
    : DomainEvent(EventId, OccurredAt);
