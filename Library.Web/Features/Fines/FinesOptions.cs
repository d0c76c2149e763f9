using Library.Domain.Fines;

namespace Library.Web.Features.Fines;

public sealed class FinesOptions
{
    public const string Section = "Fines";

    /// <summary>Tiers as "min days overdue" → won; defaults 1–7 ₩500, 8–14 ₩1,000, 15+ ₩2,000.</summary>
    public List<LateFeeTier> Tiers { get; set; } = [];

    /// <summary>Replacement charged for a lost copy whose title has no replacement cost of its own (won).</summary>
    public long LostItemFee { get; set; } = 20_000;

    /// <summary>True: the days the library is closed (admin calendar) are not counted as days overdue; false: every calendar day counts.</summary>
    public bool SkipClosedDays { get; set; } = true;

    public LateFeePolicy ToPolicy() => Tiers.Count == 0 ? LateFeePolicy.Default : new LateFeePolicy(Tiers);
}
