using Library.Domain.Common;

namespace Library.Domain.Lending.Events;

/// <param name="OverdueFlagCleared">True when the new due date lies in the future and the loan was flagged overdue before.</param>
public sealed record LoanDueDateChanged(
    Guid EventId, DateTimeOffset OccurredAt, Guid LoanId, string PatronId, DateTimeOffset PreviousDueAt, DateTimeOffset DueAt, bool OverdueFlagCleared)
    : DomainEvent(EventId, OccurredAt);
