using Library.Domain.Catalog.Copies;
using Library.Domain.Common;

namespace Library.Domain.Catalog.Rules;

/// <param name="byHand">A librarian's change (stricter: see <see cref="CopyStatusTransitions.IsAllowedByHand"/>).</param>
public sealed class CopyStatusChangeMustBeAllowedRule(string barcode, CopyStatus from, CopyStatus to, bool byHand = false) : IBusinessRule
{
    public bool IsBroken() => byHand ? !CopyStatusTransitions.IsAllowedByHand(from, to) : !CopyStatusTransitions.IsAllowed(from, to);
    public string Code => "CopyStatusChangeMustBeAllowed";
    public string Message => $"Copy {barcode} cannot go from {from} to {to}.";
    public object[] Arguments => [barcode, from, to];
}
