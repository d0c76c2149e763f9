using Library.Domain.Lending.Rules;
using static Library.Tests.Domain.RuleAssert;

namespace Library.Tests.Domain;

public sealed class PatronLoanLimitRuleTests
{
    [Theory]
    [InlineData(0, 10)]
    [InlineData(6, 4)]
    [InlineData(9, 1)]
    public void Reaching_the_limit_exactly_is_not_broken(int onLoan, int requested) =>
        Assert.False(new PatronLoanLimitRule(onLoan, requested, limit: 10).IsBroken());

    [Theory]
    [InlineData(0, 11)]
    [InlineData(6, 5)]
    [InlineData(10, 1)]
    public void Going_one_past_the_limit_is_broken(int onLoan, int requested) =>
        Assert.True(new PatronLoanLimitRule(onLoan, requested, limit: 10).IsBroken());

    [Fact]
    public void Message_names_limit_copies_on_loan_and_how_many_more_may_be_borrowed() =>
        AssertReadableMessage(new PatronLoanLimitRule(copiesOnLoan: 7, requested: 5, limit: 10), 10, 7, 3);

    [Fact]
    public void Message_never_offers_a_negative_number_of_copies_when_already_over_the_limit()
    {
        var rule = new PatronLoanLimitRule(copiesOnLoan: 12, requested: 1, limit: 10);

        AssertReadableMessage(rule, 10, 12);
        Assert.Contains("borrow 0 more", rule.Message);
    }
}
