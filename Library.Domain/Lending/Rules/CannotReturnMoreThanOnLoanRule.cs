using Library.Domain.Common;

namespace Library.Domain.Lending.Rules;

public sealed class CannotReturnMoreThanOnLoanRule(int onLoan, int requested) : IBusinessRule
{
    public bool IsBroken() => requested > onLoan;
    public string Code => "CannotReturnMoreThanOnLoan";
    public string Message => $"You have {onLoan} copies of this book on loan and cannot return {requested}.";
    public object[] Arguments => [onLoan, requested];
}
