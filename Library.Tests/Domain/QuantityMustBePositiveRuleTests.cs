using Library.Domain.Common.Rules;
using static Library.Tests.Domain.RuleAssert;

namespace Library.Tests.Domain;

public sealed class QuantityMustBePositiveRuleTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Quantity_below_1_is_broken(int quantity) =>
        Assert.True(new QuantityMustBePositiveRule(quantity).IsBroken());

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    public void Quantity_of_1_or_more_is_not_broken(int quantity) =>
        Assert.False(new QuantityMustBePositiveRule(quantity).IsBroken());

    [Fact]
    public void Message_names_the_minimum_and_the_quantity_given() =>
        AssertReadableMessage(new QuantityMustBePositiveRule(-3), 1, -3);
}
