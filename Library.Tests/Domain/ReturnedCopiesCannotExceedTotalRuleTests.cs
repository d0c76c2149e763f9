using Library.Domain.Catalog.Rules;
using static Library.Tests.Domain.RuleAssert;

namespace Library.Tests.Domain;

public sealed class ReturnedCopiesCannotExceedTotalRuleTests
{
    [Fact]
    public void Returning_up_to_the_total_is_not_broken() =>
        Assert.False(new ReturnedCopiesCannotExceedTotalRule(available: 3, returned: 2, total: 5).IsBroken());

    [Fact]
    public void Returning_one_past_the_total_is_broken() =>
        Assert.True(new ReturnedCopiesCannotExceedTotalRule(available: 3, returned: 3, total: 5).IsBroken());

    [Fact]
    public void Message_names_returned_copies_and_total() =>
        AssertReadableMessage(new ReturnedCopiesCannotExceedTotalRule(available: 4, returned: 3, total: 5), 3, 5);
}
