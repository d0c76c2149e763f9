using Library.Domain.Fines;
using Library.Domain.Fines.Rules;
using static Library.Tests.Domain.RuleAssert;

namespace Library.Tests.Domain;

public sealed class FeeMustBeOutstandingRuleTests
{
    [Fact]
    public void Outstanding_fee_is_not_broken() =>
        Assert.False(new FeeMustBeOutstandingRule(FeeStatus.Outstanding).IsBroken());

    [Theory]
    [InlineData(FeeStatus.Paid)]
    [InlineData(FeeStatus.Waived)]
    public void Settled_fee_is_broken(FeeStatus status) =>
        Assert.True(new FeeMustBeOutstandingRule(status).IsBroken());

    [Fact]
    public void Message_says_the_fee_is_already_settled() =>
        AssertReadableMessage(new FeeMustBeOutstandingRule(FeeStatus.Paid), "already been settled");
}
