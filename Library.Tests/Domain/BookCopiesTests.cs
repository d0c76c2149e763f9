using Library.Domain.Catalog;
using Library.Domain.Catalog.Copies;
using Library.Domain.Catalog.Rules;
using Library.Domain.Common;
using Library.Domain.Lending;
using static Library.Tests.Domain.DomainTestData;

namespace Library.Tests.Domain;

public sealed class BookCopiesTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    private static Book Shelved(params string[] barcodes) => Book.Create(Details(), barcodes, Today, T0);

    private static TRule Broken<TRule>(Action action) where TRule : IBusinessRule =>
        Assert.IsType<TRule>(Assert.Throws<BusinessRuleViolationException>(action).BrokenRule);

    [Fact]
    public void Lending_by_quantity_takes_copies_from_the_shelf_and_counts_them_out()
    {
        var book = Shelved("A1", "A2", "A3");
        var loanId = Guid.NewGuid();

        var lent = book.Lend(2, book.Copies.ToList(), loanId, T0);

        Assert.Equal(["A1", "A2"], lent.Select(c => c.Barcode));
        Assert.All(lent, c => Assert.Equal((CopyStatus.OnLoan, (Guid?)loanId), (c.Status, c.LoanId)));
        Assert.Equal((3, 1), (book.TotalCopies, book.AvailableCopies));
    }

    [Fact]
    public void A_scanned_copy_that_is_not_on_the_shelf_cannot_be_lent()
    {
        var book = Shelved("A1", "A2");
        var copy = book.Copies.First();
        book.LendCopy(copy, Guid.NewGuid(), T0);

        var rule = Broken<CopyMustBeAvailableRule>(() => book.LendCopy(copy, Guid.NewGuid(), T0));

        Assert.Equal("CopyMustBeAvailable.OnLoan", rule.MessageKey);
        Assert.Equal(1, book.AvailableCopies);
    }

    [Fact]
    public void A_copy_on_loan_leaves_only_by_check_in_or_by_being_declared_lost()
    {
        var book = Shelved("A1", "A2");
        var copy = book.Copies.First();
        book.LendCopy(copy, Guid.NewGuid(), T0);

        Broken<CopyStatusChangeMustBeAllowedRule>(() => book.ChangeCopyStatus(copy, CopyStatus.Available, T0));
        Broken<CopyStatusChangeMustBeAllowedRule>(() => book.ChangeCopyStatus(copy, CopyStatus.Damaged, T0));
        book.ChangeCopyStatus(copy, CopyStatus.Lost, T0);

        Assert.Equal((CopyStatus.Lost, (Guid?)null), (copy.Status, copy.LoanId));
        Assert.Equal((1, 1), (book.TotalCopies, book.AvailableCopies));
    }

    [Fact]
    public void Damaged_copies_leave_circulation_and_come_back_when_repaired()
    {
        var book = Shelved("A1", "A2");
        var copy = book.Copies.Last();

        book.ChangeCopyStatus(copy, CopyStatus.Damaged, T0);
        Assert.Equal((1, 1), (book.TotalCopies, book.AvailableCopies));
        book.ChangeCopyStatus(copy, CopyStatus.Available, T0);
        Assert.Equal((2, 2), (book.TotalCopies, book.AvailableCopies));
        book.ChangeCopyStatus(copy, CopyStatus.Withdrawn, T0);
        Broken<CopyStatusChangeMustBeAllowedRule>(() => book.ChangeCopyStatus(copy, CopyStatus.Available, T0));
        Assert.Equal((1, 1), (book.TotalCopies, book.AvailableCopies));
    }

    [Fact]
    public void Checking_in_a_copy_that_is_not_out_is_refused_and_changes_nothing()
    {
        var book = Shelved("A1", "A2");
        book.LendCopy(book.Copies.First(), Guid.NewGuid(), T0);

        Broken<CopyMustBeOnLoanRule>(() => book.TakeBack([book.Copies.Last()], T0));

        Assert.Equal(1, book.AvailableCopies);
    }

    [Fact]
    public void A_loan_returns_its_own_copies_and_one_declared_lost_closes_without_a_return()
    {
        var loan = NewLoan(quantity: 3);
        loan.RecordCopies([new LoanedCopy(1, "A1"), new LoanedCopy(2, "A2"), new LoanedCopy(3, "A3")]);

        var back = loan.ReturnCopy(2, Days(1), Seoul);
        loan.DeclareCopyLost(3, replacementCost: 15_000, Days(2));
        var last = loan.Return(1, Days(3), Seoul);

        Assert.Equal([2], loan.CopiesReturnedBy(back.Id));
        Assert.Equal([1], loan.CopiesReturnedBy(last.Id));
        Assert.Equal((2, 1, LoanStatus.Returned), (loan.QuantityReturned, loan.QuantityLost, loan.Status));
        Assert.Throws<InvalidOperationException>(() => loan.ReturnCopy(2, Days(4), Seoul));
    }
}
