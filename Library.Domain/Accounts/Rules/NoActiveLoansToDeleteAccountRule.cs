using Library.Domain.Common;

namespace Library.Domain.Accounts.Rules;

/// <summary>Books still on loan must come back before the account goes.</summary>
public sealed class NoActiveLoansToDeleteAccountRule(int copiesOnLoan) : IBusinessRule
{
    public bool IsBroken() => copiesOnLoan > 0;
    public string Code => "NoActiveLoansToDeleteAccount";
    public string Message => $"You still have {copiesOnLoan} book(s) on loan. Return them before deleting your account.";
    public object[] Arguments => [copiesOnLoan];
}
