using Library.Domain.Catalog.Rules;
using static Library.Tests.Domain.RuleAssert;

namespace Library.Tests.Domain;

public sealed class IsbnMustBeValidRuleTests
{
    [Theory]
    [InlineData("9780306406157")]
    [InlineData("978-0-306-40615-7")]
    [InlineData("080442957X")]
    public void Valid_isbn_is_not_broken(string isbn) =>
        Assert.False(new IsbnMustBeValidRule(isbn).IsBroken());

    [Theory]
    [InlineData("9780306406158")]
    [InlineData("")]
    [InlineData(null)]
    public void Invalid_or_missing_isbn_is_broken(string? isbn) =>
        Assert.True(new IsbnMustBeValidRule(isbn).IsBroken());

    [Fact]
    public void Message_quotes_the_rejected_isbn() =>
        AssertReadableMessage(new IsbnMustBeValidRule("9780306406158"), "'9780306406158'", "ISBN");
}
