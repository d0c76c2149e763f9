using Library.Domain.Catalog.Rules;
using static Library.Tests.Domain.RuleAssert;

namespace Library.Tests.Domain;

public sealed class TextIsRequiredRuleTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void Blank_text_is_broken(string? value) =>
        Assert.True(new TextIsRequiredRule("Title", value).IsBroken());

    [Theory]
    [InlineData("x")]
    [InlineData("  Dune  ")]
    public void Text_with_any_visible_character_is_not_broken(string value) =>
        Assert.False(new TextIsRequiredRule("Title", value).IsBroken());

    [Fact]
    public void Message_names_the_field() =>
        AssertReadableMessage(new TextIsRequiredRule("Author", " "), "Author is required");
}
