using Library.Domain.Fines;
using Library.Domain.Fines.Events;
using static Library.Tests.Domain.DomainTestData;

namespace Library.Tests.Domain;

public sealed class FeeChargeTests
{
    private static readonly Guid ReturnId = Guid.Parse("0195a0c0-0000-7000-8000-000000000001");
    private static readonly Guid LoanId = Guid.Parse("0195a0c0-0000-7000-8000-000000000002");

    private static Fee? Charge(int daysOverdue) =>
        Fee.ChargeForReturn(ReturnId, LoanId, PatronId, BookId, daysOverdue, LateFeePolicy.Default, Days(21));

    [Fact]
    public void Return_on_time_is_not_charged() =>
        Assert.Null(Charge(daysOverdue: 0));

    [Theory]
    [InlineData(1, 500)]
    [InlineData(7, 500)]
    [InlineData(8, 1_000)]
    [InlineData(15, 2_000)]
    public void Late_return_is_charged_the_tier_amount(int daysOverdue, long expectedAmount)
    {
        var fee = Charge(daysOverdue);

        Assert.NotNull(fee);
        Assert.Equal(expectedAmount, fee.Amount);
    }

    [Fact]
    public void Return_after_7_days_overdue_charges_500_as_an_outstanding_fee()
    {
        var fee = Charge(daysOverdue: 7)!;

        Assert.NotEqual(Guid.Empty, fee.Id);
        Assert.Equal(500, fee.Amount);
        Assert.Equal(FeeStatus.Outstanding, fee.Status);
        Assert.Equal(ReturnId, fee.ReturnId);
        Assert.Equal(LoanId, fee.LoanId);
        Assert.Equal(PatronId, fee.PatronId);
        Assert.Equal(BookId, fee.BookId);
        Assert.Equal(7, fee.DaysOverdue);
        Assert.Equal(Days(21), fee.ChargedAt);
        Assert.Null(fee.SettledAt);
        Assert.Null(fee.WaiverReason);
    }

    [Fact]
    public void Charging_a_fee_raises_LateFeeCharged()
    {
        var fee = Charge(daysOverdue: 8)!;

        var charged = Assert.IsType<LateFeeCharged>(Assert.Single(fee.DomainEvents));
        Assert.Equal(fee.Id, charged.FeeId);
        Assert.Equal(PatronId, charged.PatronId);
        Assert.Equal(LoanId, charged.LoanId);
        Assert.Equal(ReturnId, charged.ReturnId);
        Assert.Equal(BookId, charged.BookId);
        Assert.Equal(8, charged.DaysOverdue);
        Assert.Equal(1_000, charged.Amount);
        Assert.Equal(Days(21), charged.OccurredAt);
    }

    [Fact]
    public void Tier_with_zero_amount_is_not_charged()
    {
        var graceWeek = new LateFeePolicy([new LateFeeTier(1, 0), new LateFeeTier(8, 1_000)]);

        Assert.Null(Fee.ChargeForReturn(ReturnId, LoanId, PatronId, BookId, 7, graceWeek, Days(21)));
        Assert.Equal(1_000, Fee.ChargeForReturn(ReturnId, LoanId, PatronId, BookId, 8, graceWeek, Days(22))!.Amount);
    }
}
