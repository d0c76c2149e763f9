using Library.Domain.Common.Rules;
using Library.Domain.Lending;
using Library.Domain.Lending.Events;
using Library.Domain.Lending.Rules;
using static Library.Tests.Domain.DomainTestData;
using static Library.Tests.Domain.RuleAssert;

namespace Library.Tests.Domain;

public sealed class LoanBorrowTests
{
    [Fact]
    public void Borrow_opens_an_active_loan_due_at_the_end_of_the_library_day_14_days_later()
    {
        var loan = Loan.Borrow(PatronId, BookId, 3, copiesOnLoanByPatron: 0, Policy, T0);

        Assert.NotEqual(Guid.Empty, loan.Id);
        Assert.Equal(LoanStatus.Active, loan.Status);
        Assert.Equal(PatronId, loan.PatronId);
        Assert.Equal(BookId, loan.BookId);
        Assert.Equal(3, loan.Quantity);
        Assert.Equal(3, loan.QuantityOnLoan);
        Assert.Equal(0, loan.QuantityReturned);
        Assert.Equal(T0, loan.BorrowedAt);
        Assert.Equal(EndOfSeoulDay(16), loan.DueAt);
        Assert.Null(loan.OverdueFlaggedAt);
        Assert.Empty(loan.Returns);
    }

    [Fact]
    public void Borrow_raises_BookBorrowed_due_at_the_end_of_the_day_a_loan_period_after_today()
    {
        var policy = new LendingPolicy(7, MaxCopiesOnLoan: 10, Seoul);

        var loan = Loan.Borrow(PatronId, BookId, 2, copiesOnLoanByPatron: 0, policy, T0);

        var borrowed = Assert.IsType<BookBorrowed>(Assert.Single(loan.DomainEvents));
        Assert.Equal(EndOfSeoulDay(9), borrowed.DueAt);
        Assert.Equal(loan.DueAt, borrowed.DueAt);
        Assert.Equal(loan.Id, borrowed.LoanId);
        Assert.Equal(PatronId, borrowed.PatronId);
        Assert.Equal(BookId, borrowed.BookId);
        Assert.Equal(2, borrowed.Quantity);
        Assert.Equal(T0, borrowed.OccurredAt);
        Assert.NotEqual(Guid.Empty, borrowed.EventId);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Borrow_of_zero_or_negative_copies_is_rejected(int quantity) =>
        AssertBrokenRule<QuantityMustBePositiveRule>(
            () => Loan.Borrow(PatronId, BookId, quantity, copiesOnLoanByPatron: 0, Policy, T0));

    [Theory]
    [InlineData(0, 10)]
    [InlineData(6, 4)]
    [InlineData(9, 1)]
    public void Borrow_up_to_10_copies_in_total_is_allowed(int alreadyOnLoan, int quantity)
    {
        var loan = Loan.Borrow(PatronId, BookId, quantity, alreadyOnLoan, Policy, T0);

        Assert.Equal(quantity, loan.QuantityOnLoan);
    }

    [Theory]
    [InlineData(0, 11)]
    [InlineData(6, 5)]
    [InlineData(10, 1)]
    public void Borrow_that_would_make_11_copies_in_total_is_rejected(int alreadyOnLoan, int quantity) =>
        AssertBrokenRule<PatronLoanLimitRule>(
            () => Loan.Borrow(PatronId, BookId, quantity, alreadyOnLoan, Policy, T0));

    [Fact]
    public void Loan_limit_message_tells_the_patron_how_many_more_they_may_borrow()
    {
        var rule = AssertBrokenRule<PatronLoanLimitRule>(
            () => Loan.Borrow(PatronId, BookId, 5, copiesOnLoanByPatron: 6, Policy, T0));

        AssertReadableMessage(rule, 10, 6, 4);
    }
}
