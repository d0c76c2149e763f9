using Library.Domain.Catalog;
using Library.Domain.Fines;
using Library.Domain.Lending;
using Library.Domain.Lending.Events;
using static Library.Tests.Domain.DomainTestData;

namespace Library.Tests.Domain;

/// <summary>The reference scenario: borrow 4 copies at T, return 3 of them at T + 21 days (14-day loan period).</summary>
public sealed class LateReturnReferenceScenarioTests
{
    [Fact]
    public void Borrow_4_then_return_3_after_21_days_leaves_1_on_loan_7_days_overdue_and_charges_500()
    {
        var book = TestBooks.Create(Details(), totalCopies: 5, T0);
        var loan = Loan.Borrow(PatronId, BookId, 4, copiesOnLoanByPatron: 0, Policy, T0);
        book.CheckOut(4, T0);

        var returnedAt = T0.AddDays(21);
        var loanReturn = loan.Return(3, returnedAt, Seoul);
        book.CheckIn(3, returnedAt);

        Assert.Equal(1, loan.QuantityOnLoan);
        Assert.Equal(LoanStatus.Active, loan.Status);
        Assert.Equal(4, book.AvailableCopies);
        Assert.Equal(1, book.CopiesOnLoan);

        var returned = Assert.Single(loan.DomainEvents.OfType<BookReturned>());
        Assert.Equal(7, returned.DaysOverdue);
        Assert.Equal(3, returned.Quantity);
        Assert.False(returned.LoanClosed);
        Assert.Equal(loanReturn.Id, returned.ReturnId);

        var fee = Fee.ChargeForReturn(
            returned.ReturnId, returned.LoanId, returned.PatronId, returned.BookId, returned.DaysOverdue,
            LateFeePolicy.Default, returned.OccurredAt);

        Assert.NotNull(fee);
        Assert.Equal(500, fee.Amount);
        Assert.Equal(loanReturn.Id, fee.ReturnId);
        Assert.Equal(7, fee.DaysOverdue);
    }
}
