using Library.Domain.Common;

namespace Library.Domain.Fines.Rules;

public sealed class FeeMustBeOutstandingRule(FeeStatus status) : IBusinessRule
{
    public bool IsBroken() => status != FeeStatus.Outstanding;
    public string Code => "FeeMustBeOutstanding";
    public string Message => "This fee has already been settled.";
}
