namespace Library.Domain.Catalog.Copies;

/// <summary>Where a physical copy is. Only <see cref="Available"/> copies count as on the shelf.</summary>
public enum CopyStatus
{
    Available = 0,
    OnLoan = 1,
    /// <summary>Returned, set aside for the patron whose hold it fills.</summary>
    OnHoldShelf = 2,
    Lost = 3,
    Damaged = 4,
    Withdrawn = 5,
}
