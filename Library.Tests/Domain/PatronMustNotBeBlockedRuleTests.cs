using Library.Domain.Lending.Rules;
using static Library.Tests.Domain.RuleAssert;

namespace Library.Tests.Domain;

public sealed class PatronMustNotBeBlockedRuleTests
{
    [Fact]
    public void Patron_who_is_not_blocked_is_not_broken() =>
        Assert.False(new PatronMustNotBeBlockedRule(isBlocked: false, reason: null).IsBroken());

    [Fact]
    public void Blocked_patron_is_broken() =>
        Assert.True(new PatronMustNotBeBlockedRule(isBlocked: true, reason: "Unpaid fees").IsBroken());

    [Fact]
    public void Message_gives_the_block_reason() =>
        AssertReadableMessage(new PatronMustNotBeBlockedRule(isBlocked: true, reason: "Unpaid fees"), "Unpaid fees");

    [Fact]
    public void Message_reads_well_when_no_reason_was_recorded()
    {
        var message = new PatronMustNotBeBlockedRule(isBlocked: true, reason: null).Message;

        Assert.Contains("blocked", message);
        Assert.DoesNotContain(": .", message);
    }

    [Theory]
    [InlineData("Unpaid fees.")]
    [InlineData(" Unpaid fees. ")]
    public void A_reason_ending_in_a_full_stop_does_not_double_it(string reason)
    {
        var rule = new PatronMustNotBeBlockedRule(isBlocked: true, reason);

        Assert.Equal("Your library card is blocked: Unpaid fees. Please contact a librarian.", rule.Message);
        Assert.Equal("Unpaid fees", Assert.Single(rule.Arguments));
    }
}
