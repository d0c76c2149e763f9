using Library.Domain.Fines;
using Library.Domain.Fines.Events;
using Library.Domain.Fines.Rules;
using static Library.Tests.Domain.DomainTestData;
using static Library.Tests.Domain.RuleAssert;

namespace Library.Tests.Domain;

public sealed class FeeSettlementTests
{
    private static Fee OutstandingFee()
    {
        var fee = Fee.ChargeForReturn(Guid.NewGuid(), Guid.NewGuid(), PatronId, BookId, 7, LateFeePolicy.Default, Days(21))!;
        fee.ClearDomainEvents();
        return fee;
    }

    [Fact]
    public void Payment_marks_the_fee_paid_and_raises_LateFeeSettled()
    {
        var fee = OutstandingFee();

        fee.RecordPayment(Days(22));

        Assert.Equal(FeeStatus.Paid, fee.Status);
        Assert.Equal(Days(22), fee.SettledAt);
        var settled = Assert.IsType<LateFeeSettled>(Assert.Single(fee.DomainEvents));
        Assert.Equal(fee.Id, settled.FeeId);
        Assert.Equal(PatronId, settled.PatronId);
        Assert.Equal(500, settled.Amount);
        Assert.Equal(FeeStatus.Paid, settled.Status);
        Assert.Null(settled.Reason);
        Assert.Equal(Days(22), settled.OccurredAt);
    }

    [Fact]
    public void Waiver_marks_the_fee_waived_with_the_trimmed_reason_and_raises_LateFeeSettled()
    {
        var fee = OutstandingFee();

        fee.Waive("  Book drop was jammed ", Days(22));

        Assert.Equal(FeeStatus.Waived, fee.Status);
        Assert.Equal(Days(22), fee.SettledAt);
        Assert.Equal("Book drop was jammed", fee.WaiverReason);
        var settled = Assert.IsType<LateFeeSettled>(Assert.Single(fee.DomainEvents));
        Assert.Equal(FeeStatus.Waived, settled.Status);
        Assert.Equal("Book drop was jammed", settled.Reason);
        Assert.Equal(500, settled.Amount);
        Assert.Equal(fee.Id, settled.FeeId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Waiver_without_a_reason_is_rejected_and_the_fee_stays_outstanding(string reason)
    {
        var fee = OutstandingFee();

        AssertBrokenRule<WaiverNeedsReasonRule>(() => fee.Waive(reason, Days(22)));

        Assert.Equal(FeeStatus.Outstanding, fee.Status);
        Assert.Null(fee.SettledAt);
        Assert.Empty(fee.DomainEvents);
    }

    [Fact]
    public void Paying_twice_is_rejected()
    {
        var fee = OutstandingFee();
        fee.RecordPayment(Days(22));

        AssertBrokenRule<FeeMustBeOutstandingRule>(() => fee.RecordPayment(Days(23)));

        Assert.Equal(Days(22), fee.SettledAt);
        Assert.Single(fee.DomainEvents.OfType<LateFeeSettled>());
    }

    [Fact]
    public void Waiving_a_paid_fee_is_rejected()
    {
        var fee = OutstandingFee();
        fee.RecordPayment(Days(22));

        AssertBrokenRule<FeeMustBeOutstandingRule>(() => fee.Waive("Goodwill", Days(23)));

        Assert.Equal(FeeStatus.Paid, fee.Status);
        Assert.Null(fee.WaiverReason);
    }

    [Fact]
    public void Paying_a_waived_fee_is_rejected()
    {
        var fee = OutstandingFee();
        fee.Waive("Goodwill", Days(22));

        AssertBrokenRule<FeeMustBeOutstandingRule>(() => fee.RecordPayment(Days(23)));

        Assert.Equal(FeeStatus.Waived, fee.Status);
    }

    [Fact]
    public void Waiving_twice_is_rejected()
    {
        var fee = OutstandingFee();
        fee.Waive("Goodwill", Days(22));

        AssertBrokenRule<FeeMustBeOutstandingRule>(() => fee.Waive("Again", Days(23)));

        Assert.Equal("Goodwill", fee.WaiverReason);
    }
}
