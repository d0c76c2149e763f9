using Library.Domain.Common;

namespace Library.Domain.Fines.Rules;

public sealed class WaiverNeedsReasonRule(string? reason) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(reason);
    public string Code => "WaiverNeedsReason";
    public string Message => "A reason is required to waive a fee.";
}
