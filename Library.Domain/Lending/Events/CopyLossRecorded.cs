using Library.Domain.Common;

namespace Library.Domain.Lending.Events;

/// <summary>A copy on loan was declared lost: the loan closed for it and the patron owes its replacement.</summary>
/// <param name="LossId">Identifies this loss; the replacement fee is unique per loss.</param>
/// <param name="ReplacementCost">The title's replacement cost in won, or null when the title has none (the library default applies).</param>
public sealed record CopyLossRecorded(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid LossId,
    Guid LoanId,
    string PatronId,
    int BookId,
    int CopyId,
    string Barcode,
    long? ReplacementCost,
    bool LoanClosed,
    bool LoanWasFlaggedOverdue)
    : DomainEvent(EventId, OccurredAt);
