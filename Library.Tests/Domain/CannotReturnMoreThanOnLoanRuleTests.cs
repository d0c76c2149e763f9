using Library.Domain.Lending.Rules;
using static Library.Tests.Domain.RuleAssert;

namespace Library.Tests.Domain;

public sealed class CannotReturnMoreThanOnLoanRuleTests
{
    [Fact]
    public void Returning_exactly_the_copies_on_loan_is_not_broken() =>
        Assert.False(new CannotReturnMoreThanOnLoanRule(onLoan: 3, requested: 3).IsBroken());

    [Fact]
    public void Returning_one_more_than_on_loan_is_broken() =>
        Assert.True(new CannotReturnMoreThanOnLoanRule(onLoan: 3, requested: 4).IsBroken());

    [Fact]
    public void Returning_anything_when_nothing_is_on_loan_is_broken() =>
        Assert.True(new CannotReturnMoreThanOnLoanRule(onLoan: 0, requested: 1).IsBroken());

    [Fact]
    public void Message_names_copies_on_loan_and_requested() =>
        AssertReadableMessage(new CannotReturnMoreThanOnLoanRule(onLoan: 1, requested: 3), 1, 3);
}
