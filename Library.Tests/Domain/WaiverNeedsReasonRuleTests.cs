using Library.Domain.Fines.Rules;
using static Library.Tests.Domain.RuleAssert;

namespace Library.Tests.Domain;

public sealed class WaiverNeedsReasonRuleTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Blank_reason_is_broken(string? reason) =>
        Assert.True(new WaiverNeedsReasonRule(reason).IsBroken());

    [Fact]
    public void Any_reason_is_not_broken() =>
        Assert.False(new WaiverNeedsReasonRule("Library was closed").IsBroken());

    [Fact]
    public void Message_says_a_reason_is_required() =>
        AssertReadableMessage(new WaiverNeedsReasonRule(null), "reason is required");
}
