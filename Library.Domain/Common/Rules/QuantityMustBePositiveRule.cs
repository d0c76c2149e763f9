namespace Library.Domain.Common.Rules;

public sealed class QuantityMustBePositiveRule(int quantity) : IBusinessRule
{
    public bool IsBroken() => quantity < 1;
    public string Code => "QuantityMustBePositive";
    public string Message => $"The number of copies must be at least 1 (was {quantity}).";
    public object[] Arguments => [quantity];
}
