using Library.Domain.Catalog.Rules;
using static Library.Tests.Domain.RuleAssert;

namespace Library.Tests.Domain;

public sealed class BookMustHaveEnoughCopiesRuleTests
{
    [Fact]
    public void Requesting_exactly_the_available_copies_is_not_broken() =>
        Assert.False(new BookMustHaveEnoughCopiesRule(available: 3, requested: 3).IsBroken());

    [Fact]
    public void Requesting_one_more_than_available_is_broken() =>
        Assert.True(new BookMustHaveEnoughCopiesRule(available: 3, requested: 4).IsBroken());

    [Fact]
    public void Requesting_any_copy_when_none_are_available_is_broken() =>
        Assert.True(new BookMustHaveEnoughCopiesRule(available: 0, requested: 1).IsBroken());

    [Fact]
    public void Message_names_available_and_requested_copies() =>
        AssertReadableMessage(new BookMustHaveEnoughCopiesRule(available: 3, requested: 5), 3, 5);

    [Fact]
    public void Message_says_no_copies_are_available_when_none_are_left() =>
        Assert.Contains("No copies", new BookMustHaveEnoughCopiesRule(available: 0, requested: 2).Message);
}
