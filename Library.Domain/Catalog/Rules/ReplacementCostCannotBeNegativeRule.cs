using Library.Domain.Common;

namespace Library.Domain.Catalog.Rules;

public sealed class ReplacementCostCannotBeNegativeRule(long? won) : IBusinessRule
{
    public bool IsBroken() => won is < 0;
    public string Code => "ReplacementCostCannotBeNegative";
    public string Message => "The replacement cost cannot be negative.";
}
