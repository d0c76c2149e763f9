using Library.Domain.Catalog.Rules;
using static Library.Tests.Domain.RuleAssert;

namespace Library.Tests.Domain;

public sealed class CopiesCannotBeNegativeRuleTests
{
    [Fact]
    public void Zero_copies_is_not_broken() =>
        Assert.False(new CopiesCannotBeNegativeRule(0).IsBroken());

    [Fact]
    public void Minus_one_copy_is_broken() =>
        Assert.True(new CopiesCannotBeNegativeRule(-1).IsBroken());

    [Fact]
    public void Message_is_readable_and_says_negative() =>
        AssertReadableMessage(new CopiesCannotBeNegativeRule(-1), "negative");
}
