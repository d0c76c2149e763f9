using Library.Domain.Common;

namespace Library.Domain.Lending.Holds.Rules;

public sealed class HoldLimitRule(int activeHolds, int maxHolds) : IBusinessRule
{
    public bool IsBroken() => activeHolds >= maxHolds;
    public string Code => "HoldLimitReached";
    public string Message => $"You already have {activeHolds} holds; the limit is {maxHolds}. Cancel one to place another.";
    public object[] Arguments => [activeHolds, maxHolds];
}
