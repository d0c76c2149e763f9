using Library.Domain.Catalog.Rules;
using static Library.Tests.Domain.RuleAssert;

namespace Library.Tests.Domain;

public sealed class PublicationYearMustBeInRangeRuleTests
{
    private const int CurrentYear = 2026;

    [Theory]
    [InlineData(1450)]
    [InlineData(2026)]
    [InlineData(2027)]
    [InlineData(null)]
    public void Years_from_1450_to_next_year_or_no_year_are_not_broken(int? year) =>
        Assert.False(new PublicationYearMustBeInRangeRule(year, CurrentYear).IsBroken());

    [Theory]
    [InlineData(1449)]
    [InlineData(2028)]
    [InlineData(0)]
    public void Years_before_1450_or_after_next_year_are_broken(int year) =>
        Assert.True(new PublicationYearMustBeInRangeRule(year, CurrentYear).IsBroken());

    [Fact]
    public void Message_names_the_earliest_and_latest_allowed_year() =>
        AssertReadableMessage(new PublicationYearMustBeInRangeRule(1200, CurrentYear), 1450, 2027);
}
