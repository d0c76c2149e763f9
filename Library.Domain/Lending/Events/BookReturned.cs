using Library.Domain.Common;

namespace Library.Domain.Lending.Events;

/// <param name="ReturnId">Identifies this check-in; a late fee is unique per return id.</param>
/// <param name="LoanClosed">True when no copies of the loan remain out after this return.</param>
/// <param name="LoanWasFlaggedOverdue">True when the overdue sweep had flagged the loan (BookExpired) before it closed.</param>
public sealed record BookReturned(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid ReturnId,
    Guid LoanId,
    string PatronId,
    int BookId,
    int Quantity,
    int DaysOverdue,
    bool LoanClosed,
    bool LoanWasFlaggedOverdue)
    : DomainEvent(EventId, OccurredAt);
