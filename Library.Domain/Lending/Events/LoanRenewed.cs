using Library.Domain.Common;

namespace Library.Domain.Lending.Events;

/// <param name="Renewals">How many times the loan has been renewed, this renewal included.</param>
/// <param name="Automatic">True when the auto-renewal job renewed it on its due day.</param>
/// <param name="OverdueFlagCleared">True when the loan was flagged overdue before and the new due date lies in the future.</param>
public sealed record LoanRenewed(
    Guid EventId, DateTimeOffset OccurredAt, Guid LoanId, string PatronId, int BookId, int QuantityOnLoan,
    DateTimeOffset PreviousDueAt, DateTimeOffset DueAt, int Renewals, bool Automatic, bool OverdueFlagCleared)
    : DomainEvent(EventId, OccurredAt);
