using Library.Domain.Catalog.Copies;
using Library.Domain.Common;

namespace Library.Domain.Catalog.Rules;

/// <summary>A librarian sets a copy Available, Lost, Damaged or Withdrawn; on loan and on the hold shelf come from lending.</summary>
public sealed class CopyStatusIsSetByLendingRule(CopyStatus requested) : IBusinessRule
{
    public bool IsBroken() => requested is CopyStatus.OnLoan or CopyStatus.OnHoldShelf;
    public string Code => "CopyStatusIsSetByLending";
    public string Message => $"A copy becomes {requested} through lending (check-out, holds), not by editing it.";
    public object[] Arguments => [requested];
}
