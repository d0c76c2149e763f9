using Library.Domain.Catalog.Copies;
using Library.Domain.Common;

namespace Library.Domain.Catalog.Rules;

public sealed class CopyStatusChangeMustBeAllowedRule(string barcode, CopyStatus from, CopyStatus to) : IBusinessRule
{
    public bool IsBroken() => !CopyStatusTransitions.IsAllowed(from, to);
    public string Code => "CopyStatusChangeMustBeAllowed";
    public string Message => $"Copy {barcode} cannot go from {from} to {to}.";
    public object[] Arguments => [barcode, from, to];
}
