using Library.Domain.Common.Rules;
using Library.Domain.Lending;
using Library.Domain.Lending.Events;
using Library.Domain.Lending.Rules;
using static Library.Tests.Domain.DomainTestData;
using static Library.Tests.Domain.RuleAssert;

namespace Library.Tests.Domain;

public sealed class LoanReturnTests
{
    [Fact]
    public void Partial_return_keeps_the_loan_active_with_the_rest_on_loan()
    {
        var loan = NewLoan(quantity: 3);

        loan.Return(1, Days(5), Seoul);

        Assert.Equal(LoanStatus.Active, loan.Status);
        Assert.Equal(1, loan.QuantityReturned);
        Assert.Equal(2, loan.QuantityOnLoan);
        Assert.False(LastReturned(loan).LoanClosed);
    }

    [Fact]
    public void Returning_the_last_copies_closes_the_loan()
    {
        var loan = NewLoan(quantity: 3);
        loan.Return(1, Days(5), Seoul);

        loan.Return(2, Days(6), Seoul);

        Assert.Equal(LoanStatus.Returned, loan.Status);
        Assert.Equal(0, loan.QuantityOnLoan);
        Assert.Equal(2, loan.Returns.Count);
        Assert.True(LastReturned(loan).LoanClosed);
    }

    [Fact]
    public void Returning_everything_at_once_closes_the_loan()
    {
        var loan = NewLoan(quantity: 3);

        loan.Return(3, Days(5), Seoul);

        Assert.Equal(LoanStatus.Returned, loan.Status);
        Assert.True(LastReturned(loan).LoanClosed);
    }

    [Fact]
    public void Returning_more_than_on_loan_is_rejected_and_changes_nothing()
    {
        var loan = NewLoan(quantity: 3);
        loan.ClearDomainEvents();

        var rule = AssertBrokenRule<CannotReturnMoreThanOnLoanRule>(() => loan.Return(4, Days(5), Seoul));

        AssertReadableMessage(rule, 3, 4);
        Assert.Equal(3, loan.QuantityOnLoan);
        Assert.Empty(loan.Returns);
        Assert.Empty(loan.DomainEvents);
    }

    [Fact]
    public void After_a_partial_return_only_the_remaining_copies_can_be_returned()
    {
        var loan = NewLoan(quantity: 3);
        loan.Return(2, Days(5), Seoul);

        var rule = AssertBrokenRule<CannotReturnMoreThanOnLoanRule>(() => loan.Return(2, Days(6), Seoul));

        AssertReadableMessage(rule, 1, 2);
        Assert.Equal(1, loan.QuantityOnLoan);
        Assert.Equal(LoanStatus.Active, loan.Status);
    }

    [Fact]
    public void Nothing_more_can_be_returned_once_the_loan_is_closed()
    {
        var loan = NewLoan(quantity: 3);
        loan.Return(3, Days(5), Seoul);

        AssertBrokenRule<CannotReturnMoreThanOnLoanRule>(() => loan.Return(1, Days(6), Seoul));
    }

    [Fact]
    public void Returning_zero_copies_is_rejected() =>
        AssertBrokenRule<QuantityMustBePositiveRule>(() => NewLoan(quantity: 3).Return(0, Days(5), Seoul));

    [Fact]
    public void BookReturned_carries_the_return_id_quantity_and_days_overdue()
    {
        var loan = NewLoan(quantity: 3);

        var loanReturn = loan.Return(2, Days(21), Seoul);

        var returned = LastReturned(loan);
        Assert.Equal(loanReturn.Id, returned.ReturnId);
        Assert.NotEqual(Guid.Empty, returned.ReturnId);
        Assert.Equal(loan.Id, returned.LoanId);
        Assert.Equal(PatronId, returned.PatronId);
        Assert.Equal(BookId, returned.BookId);
        Assert.Equal(2, returned.Quantity);
        Assert.Equal(7, returned.DaysOverdue);
        Assert.Equal(Days(21), returned.OccurredAt);
    }

    [Fact]
    public void The_return_is_recorded_on_the_loan_with_its_days_overdue()
    {
        var loan = NewLoan(quantity: 3);

        var loanReturn = loan.Return(2, Days(21), Seoul);

        Assert.Same(loanReturn, Assert.Single(loan.Returns));
        Assert.Equal(loan.Id, loanReturn.LoanId);
        Assert.Equal(2, loanReturn.Quantity);
        Assert.Equal(Days(21), loanReturn.ReturnedAt);
        Assert.Equal(7, loanReturn.DaysOverdue);
    }

    [Fact]
    public void Each_return_gets_its_own_id()
    {
        var loan = NewLoan(quantity: 3);

        var first = loan.Return(1, Days(20), Seoul);
        var second = loan.Return(1, Days(21), Seoul);

        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(
            [first.Id, second.Id],
            loan.DomainEvents.OfType<BookReturned>().Select(e => e.ReturnId));
    }

    [Fact]
    public void Return_on_time_is_0_days_overdue()
    {
        var loan = NewLoan(quantity: 3);

        loan.Return(3, Days(14), Seoul);

        Assert.Equal(0, LastReturned(loan).DaysOverdue);
    }

    [Fact]
    public void BookReturned_says_whether_the_loan_had_been_flagged_overdue()
    {
        var flagged = NewLoan(quantity: 3);
        Assert.True(flagged.FlagOverdue(Days(15)));
        var unflagged = NewLoan(quantity: 3);

        flagged.Return(3, Days(16), Seoul);
        unflagged.Return(3, Days(16), Seoul);

        Assert.True(LastReturned(flagged).LoanWasFlaggedOverdue);
        Assert.False(LastReturned(unflagged).LoanWasFlaggedOverdue);
    }

    private static BookReturned LastReturned(Loan loan) => loan.DomainEvents.OfType<BookReturned>().Last();
}
