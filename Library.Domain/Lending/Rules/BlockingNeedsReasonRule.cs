using Library.Domain.Common;

namespace Library.Domain.Lending.Rules;

/// <summary>A blocked patron is told why, so a librarian must give the reason.</summary>
public sealed class BlockingNeedsReasonRule(string? reason) : IBusinessRule
{
    public const int MaxLength = 500;
    public bool IsBroken() => string.IsNullOrWhiteSpace(reason);
    public string Code => "BlockingNeedsReason";
    public string Message => "A reason is required to block a patron; the patron sees it.";
}
