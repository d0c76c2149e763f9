using Library.Domain.Common;

namespace Library.Domain.Lending.Rules;

public sealed class PatronMustNotBeBlockedRule(bool isBlocked, string? reason) : IBusinessRule
{
    private bool HasReason => !string.IsNullOrWhiteSpace(reason);

    public bool IsBroken() => isBlocked;
    public string Code => "PatronMustNotBeBlocked";
    public string MessageKey => HasReason ? Code : Code + ".NoReason";
    public string Message => HasReason
        ? $"Your library card is blocked: {reason!.Trim()}. Please contact a librarian."
        : "Your library card is blocked. Please contact a librarian.";
    public object[] Arguments => [reason?.Trim() ?? string.Empty];
}
