namespace Library.Domain.Fines;

/// <summary>One flat fee per late return, chosen by days overdue at that return. Money is integer won.</summary>
public sealed class LateFeePolicy
{
    public LateFeePolicy(IEnumerable<LateFeeTier> tiers)
    {
        Tiers = tiers.OrderBy(t => t.MinDaysOverdue).ToArray();
        if (Tiers.Count == 0 || Tiers.Any(t => t.MinDaysOverdue < 1 || t.Amount < 0))
        {
            throw new ArgumentException("Late fee tiers need a minimum of at least 1 day and a non-negative amount.", nameof(tiers));
        }
    }

    public static LateFeePolicy Default { get; } = new([new(1, 500), new(8, 1_000), new(15, 2_000)]);

    public IReadOnlyList<LateFeeTier> Tiers { get; }

    public long FeeFor(int daysOverdue) =>
        Tiers.LastOrDefault(t => daysOverdue >= t.MinDaysOverdue)?.Amount ?? 0;
}
