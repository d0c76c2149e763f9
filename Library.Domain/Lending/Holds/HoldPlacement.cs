namespace Library.Domain.Lending.Holds;

/// <summary>What the rules for placing a hold look at, read in the same transaction as the placement.</summary>
/// <param name="ActiveHolds">The patron's waiting and ready holds on any title.</param>
/// <param name="AlreadyHoldsTitle">The patron has a waiting or ready hold on this title.</param>
public sealed record HoldPlacement(
    bool PatronBlocked,
    string? BlockedReason,
    bool TitleArchived,
    int AvailableCopies,
    int ActiveHolds,
    bool AlreadyHoldsTitle,
    int MaxHoldsPerPatron,
    bool HasTitleOnLoan = false);
