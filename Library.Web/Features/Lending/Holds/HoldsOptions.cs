namespace Library.Web.Features.Lending.Holds;

public sealed class HoldsOptions
{
    public const string Section = "Holds";

    /// <summary>Waiting and ready holds a patron may have at once.</summary>
    public int MaxPerPatron { get; set; } = 5;

    /// <summary>Library (open) days a ready copy waits on the hold shelf after the day it was put there.</summary>
    public int PickupDays { get; set; } = 3;

    /// <summary>Ready holds the expiry job closes per transaction.</summary>
    public int ExpiryBatchSize { get; set; } = 200;
}
