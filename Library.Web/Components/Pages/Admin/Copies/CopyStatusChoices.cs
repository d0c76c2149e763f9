using Library.Domain.Catalog.Copies;

namespace Library.Web.Components.Pages.Admin.Copies;

/// <summary>A status change a librarian may make to a copy, and the resource key of its label and of what it does.</summary>
public sealed record CopyStatusChoice(CopyStatus To, string Key);

/// <summary>
/// What the copies page offers for a copy: out of circulation (lost, damaged, withdrawn) and back to the shelf (found,
/// repaired). On loan and on the hold shelf are lending's business; a copy on loan can only be declared lost.
/// </summary>
public static class CopyStatusChoices
{
    public static IReadOnlyList<CopyStatusChoice> For(CopyStatus from) => from switch
    {
        CopyStatus.Available => [new(CopyStatus.Lost, "Lost"), new(CopyStatus.Damaged, "Damaged"), new(CopyStatus.Withdrawn, "Withdrawn")],
        CopyStatus.OnLoan => [new(CopyStatus.Lost, "LostOnLoan")],
        CopyStatus.OnHoldShelf => [new(CopyStatus.Lost, "Lost"), new(CopyStatus.Damaged, "Damaged")],
        CopyStatus.Lost => [new(CopyStatus.Available, "Found"), new(CopyStatus.Withdrawn, "Withdrawn")],
        CopyStatus.Damaged => [new(CopyStatus.Available, "Repaired"), new(CopyStatus.Withdrawn, "Withdrawn")],
        _ => [],
    };
}
