using Library.Domain.Common;

namespace Library.Domain.Fines.Events;

public sealed record LateFeeCharged(
    Guid EventId, DateTimeOffset OccurredAt, Guid FeeId, string PatronId, Guid LoanId, Guid ReturnId, int BookId, int DaysOverdue, long Amount)
    : DomainEvent(EventId, OccurredAt);
