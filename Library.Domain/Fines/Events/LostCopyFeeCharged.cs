using Library.Domain.Common;

namespace Library.Domain.Fines.Events;

/// <param name="LossId">The loss this fee is for (unique: a loss is charged once).</param>
public sealed record LostCopyFeeCharged(
    Guid EventId, DateTimeOffset OccurredAt, Guid FeeId, string PatronId, Guid LoanId, Guid LossId, int BookId, string Barcode, long Amount)
    : DomainEvent(EventId, OccurredAt);
