using Library.Domain.Fines;

namespace Library.Tests.Domain;

public sealed class LateFeePolicyTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 500)]
    [InlineData(7, 500)]
    [InlineData(8, 1_000)]
    [InlineData(14, 1_000)]
    [InlineData(15, 2_000)]
    [InlineData(100, 2_000)]
    public void Default_policy_charges_the_tier_for_days_overdue(int daysOverdue, long expectedFee) =>
        Assert.Equal(expectedFee, LateFeePolicy.Default.FeeFor(daysOverdue));

    [Fact]
    public void Negative_days_overdue_cost_nothing() =>
        Assert.Equal(0, LateFeePolicy.Default.FeeFor(-3));

    [Fact]
    public void Custom_tiers_apply_whatever_order_they_are_listed_in()
    {
        var policy = new LateFeePolicy([new LateFeeTier(10, 3_000), new LateFeeTier(3, 700)]);

        Assert.Equal(0, policy.FeeFor(2));
        Assert.Equal(700, policy.FeeFor(3));
        Assert.Equal(700, policy.FeeFor(9));
        Assert.Equal(3_000, policy.FeeFor(10));
        Assert.Equal([3, 10], policy.Tiers.Select(t => t.MinDaysOverdue));
    }

    [Fact]
    public void A_single_custom_tier_charges_from_its_first_day()
    {
        var policy = new LateFeePolicy([new LateFeeTier(1, 250)]);

        Assert.Equal(250, policy.FeeFor(1));
        Assert.Equal(250, policy.FeeFor(365));
    }

    [Fact]
    public void No_tiers_are_rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => new LateFeePolicy([]));
        Assert.Equal("tiers", ex.ParamName);
    }

    [Theory]
    [InlineData(0, 500)]
    [InlineData(-1, 500)]
    [InlineData(1, -1)]
    public void Tier_starting_before_day_1_or_with_negative_amount_is_rejected(int minDaysOverdue, long amount)
    {
        var ex = Assert.Throws<ArgumentException>(
            () => new LateFeePolicy([new LateFeeTier(1, 500), new LateFeeTier(minDaysOverdue, amount)]));
        Assert.Equal("tiers", ex.ParamName);
    }
}
