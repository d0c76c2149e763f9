using Library.Domain.Common;

namespace Library.Domain.Lending.Holds.Rules;

/// <summary>A patron who has the title out would be holding their own copy when they return it (Koha's default too).</summary>
public sealed class HoldNotOnTitleOnLoanRule(bool hasTitleOnLoan) : IBusinessRule
{
    public bool IsBroken() => hasTitleOnLoan;
    public string Code => "HoldOnTitleOnLoan";
    public string Message => "You have this title on loan already; renew it instead of placing a hold.";
}
