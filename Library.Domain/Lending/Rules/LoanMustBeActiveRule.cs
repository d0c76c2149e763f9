using Library.Domain.Common;

namespace Library.Domain.Lending.Rules;

public sealed class LoanMustBeActiveRule(LoanStatus status) : IBusinessRule
{
    public bool IsBroken() => status != LoanStatus.Active;
    public string Code => "LoanMustBeActive";
    public string Message => "This loan has already been returned in full.";
}
