namespace Library.Domain.Fines;

public enum FeeKind
{
    /// <summary>Charged once per late return, by days overdue.</summary>
    LateReturn = 0,
    /// <summary>The replacement cost of a copy declared lost while on loan; waivable like any fee.</summary>
    LostCopy = 1,
}
