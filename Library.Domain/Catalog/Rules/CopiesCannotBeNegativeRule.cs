using Library.Domain.Common;

namespace Library.Domain.Catalog.Rules;

public sealed class CopiesCannotBeNegativeRule(int copies) : IBusinessRule
{
    public bool IsBroken() => copies < 0;
    public string Code => "CopiesCannotBeNegative";
    public string Message => "The number of copies cannot be negative.";
}
