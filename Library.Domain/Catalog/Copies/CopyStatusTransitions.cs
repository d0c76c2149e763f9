namespace Library.Domain.Catalog.Copies;

/// <summary>
/// Which status changes a copy may make. Lending moves copies between the shelf, loans and the hold shelf; a librarian
/// takes copies out of circulation (lost, damaged, withdrawn) and back (found, repaired). A copy on loan can be declared
/// lost (the loan closes for it) but not damaged or withdrawn before it is checked in; a withdrawn copy is gone for good.
/// </summary>
public static class CopyStatusTransitions
{
    private static readonly Dictionary<CopyStatus, CopyStatus[]> Allowed = new()
    {
        [CopyStatus.Available] = [CopyStatus.OnLoan, CopyStatus.OnHoldShelf, CopyStatus.Lost, CopyStatus.Damaged, CopyStatus.Withdrawn],
        [CopyStatus.OnLoan] = [CopyStatus.Available, CopyStatus.OnHoldShelf, CopyStatus.Lost],
        [CopyStatus.OnHoldShelf] = [CopyStatus.OnLoan, CopyStatus.Available, CopyStatus.OnHoldShelf, CopyStatus.Lost, CopyStatus.Damaged],
        [CopyStatus.Lost] = [CopyStatus.Available, CopyStatus.Withdrawn],
        [CopyStatus.Damaged] = [CopyStatus.Available, CopyStatus.Withdrawn],
        [CopyStatus.Withdrawn] = [],
    };

    public static bool IsAllowed(CopyStatus from, CopyStatus to) => Allowed[from].Contains(to);

    /// <summary>
    /// What a librarian may set by hand: never on loan or on the hold shelf (lending does that), and a copy that is on loan
    /// only to lost (its loan closes for it); otherwise what <see cref="IsAllowed"/> allows. A copy on loan comes back by check-in.
    /// </summary>
    public static bool IsAllowedByHand(CopyStatus from, CopyStatus to) =>
        to is not (CopyStatus.OnLoan or CopyStatus.OnHoldShelf)
        && (from != CopyStatus.OnLoan || to == CopyStatus.Lost)
        && IsAllowed(from, to);

    /// <summary>
    /// The statuses that count toward a title's total copies: on the shelf, on loan, on the hold shelf. Lost, damaged
    /// and withdrawn copies have left circulation (a damaged copy comes back when it is repaired).
    /// </summary>
    public static bool IsInCirculation(CopyStatus status) => status is CopyStatus.Available or CopyStatus.OnLoan or CopyStatus.OnHoldShelf;
}
