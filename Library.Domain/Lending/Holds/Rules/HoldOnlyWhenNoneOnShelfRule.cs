using Library.Domain.Common;

namespace Library.Domain.Lending.Holds.Rules;

/// <summary>Patrons borrow from the shelf themselves, so a hold is for a title with no copy on the shelf.</summary>
public sealed class HoldOnlyWhenNoneOnShelfRule(int availableCopies) : IBusinessRule
{
    public bool IsBroken() => availableCopies > 0;
    public string Code => "HoldNotNeeded";
    public string Message => "Copies of this title are on the shelf: borrow one instead of placing a hold.";
    public object[] Arguments => [availableCopies];
}
