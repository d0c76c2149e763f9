using Library.Domain.Common;

namespace Library.Domain.Accounts.Rules;

/// <summary>Outstanding fees must be paid (or waived by a librarian) before the account goes.</summary>
public sealed class NoOutstandingFeesToDeleteAccountRule(long outstandingWon) : IBusinessRule
{
    public bool IsBroken() => outstandingWon > 0;
    public string Code => "NoOutstandingFeesToDeleteAccount";
    public string Message => $"You have outstanding fees of {outstandingWon} won. Settle them before deleting your account.";
    public object[] Arguments => [outstandingWon];
}
