using Library.Domain.Common;

namespace Library.Domain.Lending.Rules;

public sealed class PatronMustNotBeBlockedRule(bool isBlocked, string? reason) : IBusinessRule
{
    /// <summary>The reason as a clause: a librarian's closing full stop would double the message's own ("fees.. Please").</summary>
    private string Reason => (reason ?? string.Empty).Trim().TrimEnd('.', '。', ' ');

    private bool HasReason => Reason.Length > 0;

    public bool IsBroken() => isBlocked;
    public string Code => "PatronMustNotBeBlocked";
    public string MessageKey => HasReason ? Code : Code + ".NoReason";
    public string Message => HasReason
        ? $"Your library card is blocked: {Reason}. Please contact a librarian."
        : "Your library card is blocked. Please contact a librarian.";
    public object[] Arguments => [Reason];
}
