using Library.Domain.Common;

namespace Library.Domain.Catalog.Rules;

public sealed class BarcodeMustBeUniqueRule(string barcode, bool alreadyUsed) : IBusinessRule
{
    public bool IsBroken() => alreadyUsed;
    public string Code => "BarcodeMustBeUnique";
    public string Message => $"Barcode {barcode} is already on another copy.";
    public object[] Arguments => [barcode];
}
