using Library.Domain.Catalog.Events;
using Library.Domain.Catalog.Rules;
using static Library.Tests.Domain.DomainTestData;
using static Library.Tests.Domain.RuleAssert;

namespace Library.Tests.Domain;

public sealed class BookTotalCopiesTests
{
    [Fact]
    public void Raising_the_total_adds_the_new_copies_to_the_shelf_and_keeps_copies_on_loan()
    {
        var book = NewBook(totalCopies: 5);
        book.CheckOut(3, T0);

        book.ChangeTotalCopies(8, Days(1));

        Assert.Equal(8, book.TotalCopies);
        Assert.Equal(5, book.AvailableCopies);
        Assert.Equal(3, book.CopiesOnLoan);
    }

    [Fact]
    public void Lowering_the_total_to_exactly_the_copies_on_loan_empties_the_shelf()
    {
        var book = NewBook(totalCopies: 5);
        book.CheckOut(3, T0);

        book.ChangeTotalCopies(3, Days(1));

        Assert.Equal(3, book.TotalCopies);
        Assert.Equal(0, book.AvailableCopies);
        Assert.Equal(3, book.CopiesOnLoan);
    }

    [Fact]
    public void Lowering_the_total_below_copies_on_loan_is_rejected_and_changes_nothing()
    {
        var book = NewBook(totalCopies: 5);
        book.CheckOut(3, T0);
        book.ClearDomainEvents();

        var rule = AssertBrokenRule<TotalCopiesCannotDropBelowOnLoanRule>(() => book.ChangeTotalCopies(2, Days(1)));

        AssertReadableMessage(rule, 3);
        Assert.Equal(5, book.TotalCopies);
        Assert.Equal(2, book.AvailableCopies);
        Assert.Empty(book.DomainEvents);
    }

    [Fact]
    public void Negative_total_is_rejected() =>
        AssertBrokenRule<CopiesCannotBeNegativeRule>(() => NewBook(totalCopies: 5).ChangeTotalCopies(-1, T0));

    [Fact]
    public void Changing_the_total_raises_BookStockChanged_with_the_new_numbers()
    {
        var book = NewBook(totalCopies: 5);
        book.CheckOut(1, T0);
        book.ClearDomainEvents();

        book.ChangeTotalCopies(2, Days(1));

        var changed = Assert.Single(book.DomainEvents.OfType<BookStockChanged>());
        Assert.Equal(3, book.DomainEvents.OfType<CopyStatusChanged>().Count(c => c.To == Library.Domain.Catalog.Copies.CopyStatus.Withdrawn));
        Assert.Equal(1, changed.AvailableCopies);
        Assert.Equal(2, changed.TotalCopies);
        Assert.Equal(Days(1), changed.OccurredAt);
    }

    [Fact]
    public void Setting_the_same_total_raises_no_event()
    {
        var book = NewBook(totalCopies: 5);

        book.ChangeTotalCopies(5, T0);

        Assert.Empty(book.DomainEvents);
        Assert.Equal(5, book.AvailableCopies);
    }
}
