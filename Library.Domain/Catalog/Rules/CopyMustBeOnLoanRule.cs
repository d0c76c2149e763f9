using Library.Domain.Catalog.Copies;
using Library.Domain.Common;

namespace Library.Domain.Catalog.Rules;

/// <summary>Only a copy that is out on a loan can be checked in.</summary>
public sealed class CopyMustBeOnLoanRule(string barcode, CopyStatus status) : IBusinessRule
{
    public bool IsBroken() => status != CopyStatus.OnLoan;
    public string Code => "CopyMustBeOnLoan";
    public string Message => $"Copy {barcode} is not on loan (it is {status}).";
    public object[] Arguments => [barcode, status];
}
