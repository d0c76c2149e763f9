using Library.Domain.Lending;
using Library.Domain.Lending.Rules;
using static Library.Tests.Domain.RuleAssert;

namespace Library.Tests.Domain;

public sealed class LoanMustBeActiveRuleTests
{
    [Fact]
    public void Active_loan_is_not_broken() =>
        Assert.False(new LoanMustBeActiveRule(LoanStatus.Active).IsBroken());

    [Fact]
    public void Returned_loan_is_broken() =>
        Assert.True(new LoanMustBeActiveRule(LoanStatus.Returned).IsBroken());

    [Fact]
    public void Message_says_the_loan_was_returned() =>
        AssertReadableMessage(new LoanMustBeActiveRule(LoanStatus.Returned), "returned");
}
