using Library.Domain.Catalog.Copies;
using Library.Domain.Common;

namespace Library.Domain.Catalog.Rules;

/// <summary>A copy scanned at the desk or kiosk can be lent only when it is on the shelf (and its title is not archived).</summary>
public sealed class CopyMustBeAvailableRule(string barcode, CopyStatus status, bool titleArchived) : IBusinessRule
{
    public bool IsBroken() => status != CopyStatus.Available || titleArchived;
    public string Code => "CopyMustBeAvailable";
    public string Message => titleArchived
        ? $"Copy {barcode} belongs to an archived title and cannot be lent."
        : $"Copy {barcode} is not on the shelf (it is {status}).";
    public string MessageKey => titleArchived ? "CopyMustBeAvailable.Archived" : $"CopyMustBeAvailable.{status}";
    public object[] Arguments => [barcode];
}
