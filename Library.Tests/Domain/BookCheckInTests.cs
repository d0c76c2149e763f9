using Library.Domain.Catalog.Events;
using Library.Domain.Catalog.Rules;
using Library.Domain.Common.Rules;
using static Library.Tests.Domain.DomainTestData;
using static Library.Tests.Domain.RuleAssert;

namespace Library.Tests.Domain;

public sealed class BookCheckInTests
{
    [Fact]
    public void Check_in_puts_copies_back_on_the_shelf()
    {
        var book = NewBook(totalCopies: 5);
        book.CheckOut(3, T0);

        book.CheckIn(2, Days(1));

        Assert.Equal(4, book.AvailableCopies);
        Assert.Equal(1, book.CopiesOnLoan);
    }

    [Fact]
    public void Check_in_of_every_copy_on_loan_restores_the_total()
    {
        var book = NewBook(totalCopies: 5);
        book.CheckOut(3, T0);

        book.CheckIn(3, Days(1));

        Assert.Equal(5, book.AvailableCopies);
        Assert.Equal(0, book.CopiesOnLoan);
    }

    [Fact]
    public void Check_in_of_more_than_are_out_is_rejected_and_changes_nothing()
    {
        var book = NewBook(totalCopies: 5);
        book.CheckOut(2, T0);

        var rule = AssertBrokenRule<ReturnedCopiesCannotExceedTotalRule>(() => book.CheckIn(3, Days(1)));

        AssertReadableMessage(rule, 3, 5);
        Assert.Equal(3, book.AvailableCopies);
    }

    [Fact]
    public void Check_in_when_nothing_is_out_is_rejected() =>
        AssertBrokenRule<ReturnedCopiesCannotExceedTotalRule>(() => NewBook(totalCopies: 5).CheckIn(1, T0));

    [Fact]
    public void Check_in_of_zero_copies_is_rejected()
    {
        var book = NewBook(totalCopies: 5);
        book.CheckOut(2, T0);

        AssertBrokenRule<QuantityMustBePositiveRule>(() => book.CheckIn(0, T0));
    }

    [Fact]
    public void Check_in_raises_BookStockChanged_with_the_new_numbers()
    {
        var book = NewBook(totalCopies: 5);
        book.CheckOut(3, T0);
        book.ClearDomainEvents();

        book.CheckIn(2, Days(1));

        var changed = Assert.IsType<BookStockChanged>(Assert.Single(book.DomainEvents));
        Assert.Equal(4, changed.AvailableCopies);
        Assert.Equal(5, changed.TotalCopies);
        Assert.Equal(Days(1), changed.OccurredAt);
    }
}
