using Library.Domain.Lending;
using Library.Domain.Lending.Events;
using static Library.Tests.Domain.DomainTestData;

namespace Library.Tests.Domain;

public sealed class LoanOverdueFlagTests
{
    [Fact]
    public void Loan_is_not_flagged_before_its_due_date()
    {
        var loan = NewLoan();

        Assert.False(loan.FlagOverdue(Days(13)));

        Assert.Null(loan.OverdueFlaggedAt);
        Assert.Empty(loan.DomainEvents.OfType<BookExpired>());
    }

    [Fact]
    public void Loan_is_not_flagged_later_on_its_due_day()
    {
        var loan = NewLoan();

        // 23:59 in Seoul on the due day (14:59 UTC).
        var lastMinute = Days(14).AddHours(4).AddMinutes(59);
        Assert.False(loan.FlagOverdue(lastMinute));

        Assert.False(loan.IsOverdueAt(lastMinute));
        Assert.True(loan.IsOverdueAt(lastMinute.AddMinutes(1)));
        Assert.Empty(loan.DomainEvents.OfType<BookExpired>());
    }

    [Fact]
    public void Loan_is_flagged_the_day_after_its_due_date_and_raises_BookExpired()
    {
        var loan = NewLoan(quantity: 3);
        loan.Return(1, Days(10), Seoul);

        Assert.True(loan.FlagOverdue(Days(15)));

        Assert.Equal(Days(15), loan.OverdueFlaggedAt);
        var expired = Assert.Single(loan.DomainEvents.OfType<BookExpired>());
        Assert.Equal(loan.Id, expired.LoanId);
        Assert.Equal(PatronId, expired.PatronId);
        Assert.Equal(BookId, expired.BookId);
        Assert.Equal(2, expired.QuantityOnLoan);
        Assert.Equal(loan.DueAt, expired.DueAt);
        Assert.Equal(Days(15), expired.OccurredAt);
    }

    [Fact]
    public void BookExpired_is_raised_once_only()
    {
        var loan = NewLoan();
        loan.FlagOverdue(Days(15));

        Assert.False(loan.FlagOverdue(Days(16)));
        Assert.False(loan.FlagOverdue(Days(30)));

        Assert.Single(loan.DomainEvents.OfType<BookExpired>());
        Assert.Equal(Days(15), loan.OverdueFlaggedAt);
    }

    [Fact]
    public void Returned_loan_is_never_flagged()
    {
        var loan = NewLoan(quantity: 3);
        loan.Return(3, Days(20), Seoul);

        Assert.False(loan.FlagOverdue(Days(21)));

        Assert.False(loan.IsOverdueAt(Days(21)));
        Assert.Empty(loan.DomainEvents.OfType<BookExpired>());
    }

    [Fact]
    public void Active_loan_is_overdue_from_the_day_after_its_due_date()
    {
        var loan = NewLoan();

        Assert.False(loan.IsOverdueAt(Days(14)));
        Assert.True(loan.IsOverdueAt(Days(15)));
    }
}
