using Library.Domain.Lending.Events;
using Library.Domain.Lending.Rules;
using static Library.Tests.Domain.DomainTestData;
using static Library.Tests.Domain.RuleAssert;

namespace Library.Tests.Domain;

public sealed class LoanDueDateChangeTests
{
    [Fact]
    public void Changing_the_due_date_raises_LoanDueDateChanged_with_old_and_new_dates()
    {
        var loan = NewLoan();

        loan.ChangeDueDate(Days(21), Days(3));

        Assert.Equal(Days(21), loan.DueAt);
        var changed = Assert.Single(loan.DomainEvents.OfType<LoanDueDateChanged>());
        Assert.Equal(loan.Id, changed.LoanId);
        Assert.Equal(PatronId, changed.PatronId);
        Assert.Equal(EndOfSeoulDay(16), changed.PreviousDueAt);
        Assert.Equal(Days(21), changed.DueAt);
        Assert.Equal(Days(3), changed.OccurredAt);
        Assert.False(changed.OverdueFlagCleared);
    }

    [Fact]
    public void Moving_the_due_date_into_the_past_makes_the_loan_overdue_at_once()
    {
        var loan = NewLoan();

        loan.ChangeDueDate(Days(2), Days(9));

        Assert.Equal(Days(9), loan.OverdueFlaggedAt);
        var expired = Assert.Single(loan.DomainEvents.OfType<BookExpired>());
        Assert.Equal(Days(2), expired.DueAt);
        Assert.False(loan.FlagOverdue(Days(10)));
    }

    [Fact]
    public void Due_date_of_a_returned_loan_cannot_be_changed()
    {
        var loan = NewLoan(quantity: 3);
        loan.Return(3, Days(5), Seoul);

        AssertBrokenRule<LoanMustBeActiveRule>(() => loan.ChangeDueDate(Days(30), Days(6)));

        Assert.Equal(EndOfSeoulDay(16), loan.DueAt);
    }

    [Fact]
    public void Moving_an_overdue_loan_into_the_future_clears_the_overdue_flag()
    {
        var loan = NewLoan();
        loan.FlagOverdue(Days(16));

        loan.ChangeDueDate(Days(30), Days(17));

        Assert.Null(loan.OverdueFlaggedAt);
        Assert.False(loan.IsOverdueAt(Days(17)));
        Assert.True(Assert.Single(loan.DomainEvents.OfType<LoanDueDateChanged>()).OverdueFlagCleared);
    }

    [Fact]
    public void Moving_an_overdue_loan_to_another_past_date_keeps_the_overdue_flag()
    {
        var loan = NewLoan();
        loan.FlagOverdue(Days(16));

        loan.ChangeDueDate(Days(15), Days(17));

        Assert.Equal(Days(16), loan.OverdueFlaggedAt);
        Assert.False(Assert.Single(loan.DomainEvents.OfType<LoanDueDateChanged>()).OverdueFlagCleared);
    }

    [Fact]
    public void Loan_whose_flag_was_cleared_is_flagged_again_when_the_new_date_passes()
    {
        var loan = NewLoan();
        loan.FlagOverdue(Days(16));
        loan.ChangeDueDate(Days(30), Days(17));

        Assert.True(loan.FlagOverdue(Days(31)));

        Assert.Equal(2, loan.DomainEvents.OfType<BookExpired>().Count());
        Assert.True(loan.IsOverdueAt(Days(31)));
    }

    [Fact]
    public void A_due_date_before_the_borrow_day_is_refused_and_changes_nothing()
    {
        var loan = NewLoan();

        var rule = AssertBrokenRule<DueDateCannotBeBeforeBorrowDateRule>(() => loan.ChangeDueDate(EndOfSeoulDay(1), Days(3)));

        AssertReadableMessage(rule, "2026-03-02");
        Assert.Equal(EndOfSeoulDay(16), loan.DueAt);
        Assert.Null(loan.OverdueFlaggedAt);
        Assert.Empty(loan.DomainEvents.OfType<LoanDueDateChanged>());
    }

    [Fact]
    public void The_end_of_the_borrow_day_is_an_allowed_due_date()
    {
        var loan = NewLoan(); // borrowed at 10:00 UTC = 19:00 on 2 March in Seoul

        loan.ChangeDueDate(EndOfSeoulDay(2), Days(3));

        Assert.Equal(EndOfSeoulDay(2), loan.DueAt);
        Assert.Equal(Days(3), loan.OverdueFlaggedAt);
    }
}
