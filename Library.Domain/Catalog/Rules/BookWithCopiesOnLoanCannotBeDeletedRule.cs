using Library.Domain.Common;

namespace Library.Domain.Catalog.Rules;

public sealed class BookWithCopiesOnLoanCannotBeDeletedRule(int copiesOnLoan) : IBusinessRule
{
    public bool IsBroken() => copiesOnLoan > 0;
    public string Code => "BookWithCopiesOnLoanCannotBeDeleted";
    public string Message => $"{copiesOnLoan} copies of this book are on loan, so it cannot be deleted. Archive it to hide it from the catalogue.";
    public object[] Arguments => [copiesOnLoan];
}
