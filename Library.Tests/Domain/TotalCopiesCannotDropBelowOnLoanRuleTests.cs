using Library.Domain.Catalog.Rules;
using static Library.Tests.Domain.RuleAssert;

namespace Library.Tests.Domain;

public sealed class TotalCopiesCannotDropBelowOnLoanRuleTests
{
    [Fact]
    public void Total_equal_to_copies_on_loan_is_not_broken() =>
        Assert.False(new TotalCopiesCannotDropBelowOnLoanRule(newTotal: 3, onLoan: 3).IsBroken());

    [Fact]
    public void Total_one_below_copies_on_loan_is_broken() =>
        Assert.True(new TotalCopiesCannotDropBelowOnLoanRule(newTotal: 2, onLoan: 3).IsBroken());

    [Fact]
    public void Message_names_copies_on_loan() =>
        AssertReadableMessage(new TotalCopiesCannotDropBelowOnLoanRule(newTotal: 2, onLoan: 3), 3);
}
