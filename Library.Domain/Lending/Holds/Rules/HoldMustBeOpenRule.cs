using Library.Domain.Common;

namespace Library.Domain.Lending.Holds.Rules;

public sealed class HoldMustBeOpenRule(HoldStatus status) : IBusinessRule
{
    public bool IsBroken() => status is not (HoldStatus.Waiting or HoldStatus.Ready);
    public string Code => "HoldMustBeOpen";
    public string Message => $"This hold is {status.ToString().ToLowerInvariant()} already.";
    public object[] Arguments => [status.ToString()];
}
