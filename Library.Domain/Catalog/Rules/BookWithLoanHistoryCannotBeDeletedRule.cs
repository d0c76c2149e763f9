using Library.Domain.Common;

namespace Library.Domain.Catalog.Rules;

/// <summary>Loans and fees refer to the book; deleting it would break that history. Archiving keeps it.</summary>
public sealed class BookWithLoanHistoryCannotBeDeletedRule(bool hasLoanHistory) : IBusinessRule
{
    public bool IsBroken() => hasLoanHistory;
    public string Code => "BookWithLoanHistoryCannotBeDeleted";
    public string Message => "This book has been lent before, so it cannot be deleted without losing loan history. Archive it to hide it from the catalogue.";
}
