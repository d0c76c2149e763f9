using Library.Domain.Common;

namespace Library.Domain.Catalog.Rules;

public sealed class TotalCopiesCannotDropBelowOnLoanRule(int newTotal, int onLoan) : IBusinessRule
{
    public bool IsBroken() => newTotal < onLoan;
    public string Code => "TotalCopiesCannotDropBelowOnLoan";
    public string Message => $"{onLoan} copies are on loan, so the total cannot be less than {onLoan}.";
    public object[] Arguments => [onLoan];
}
