using Library.Domain.Common;

namespace Library.Domain.Lending.Holds.Rules;

/// <summary>Copies are left only on the hold shelf, for the patrons whose holds they fill.</summary>
public sealed class HeldCopyIsForAnotherPatronRule(int availableCopies, int onHoldShelf, int requested) : IBusinessRule
{
    public bool IsBroken() => availableCopies < requested && onHoldShelf > 0;
    public string Code => "CopiesHeldForOthers";
    public string Message => "The copies left are held for patrons who reserved them. Place a hold to join the queue.";
    public object[] Arguments => [onHoldShelf];
}
