using Library.Domain.Common;

namespace Library.Domain.Lending.Rules;

public sealed class PatronMustNotBeBlockedRule(bool isBlocked, string? reason) : IBusinessRule
{
    public bool IsBroken() => isBlocked;
    public string Code => "PatronMustNotBeBlocked";
    public string Message => $"Your library card is blocked: {reason}. Please contact a librarian.";
    public object[] Arguments => [reason ?? string.Empty];
}
