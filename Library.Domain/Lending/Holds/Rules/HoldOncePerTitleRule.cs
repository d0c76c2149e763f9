using Library.Domain.Common;

namespace Library.Domain.Lending.Holds.Rules;

public sealed class HoldOncePerTitleRule(bool alreadyHolds) : IBusinessRule
{
    public bool IsBroken() => alreadyHolds;
    public string Code => "HoldAlreadyPlaced";
    public string Message => "You already have a hold on this title.";
}
