using Library.Domain.Catalog.Events;
using Library.Domain.Catalog.Rules;
using Library.Domain.Common.Rules;
using static Library.Tests.Domain.DomainTestData;
using static Library.Tests.Domain.RuleAssert;

namespace Library.Tests.Domain;

public sealed class BookCheckOutTests
{
    [Fact]
    public void Check_out_2_of_5_leaves_3_available_and_2_on_loan()
    {
        var book = NewBook(totalCopies: 5);

        book.CheckOut(2, T0);

        Assert.Equal(3, book.AvailableCopies);
        Assert.Equal(2, book.CopiesOnLoan);
        Assert.Equal(5, book.TotalCopies);
    }

    [Fact]
    public void Check_out_of_every_available_copy_is_allowed()
    {
        var book = NewBook(totalCopies: 5);

        book.CheckOut(5, T0);

        Assert.Equal(0, book.AvailableCopies);
    }

    [Fact]
    public void Check_out_of_more_than_available_is_rejected_and_changes_nothing()
    {
        var book = NewBook(totalCopies: 5);

        var rule = AssertBrokenRule<BookMustHaveEnoughCopiesRule>(() => book.CheckOut(6, T0));

        AssertReadableMessage(rule, 5, 6);
        Assert.Equal(5, book.AvailableCopies);
        Assert.Empty(book.DomainEvents);
    }

    [Fact]
    public void Available_copies_never_go_negative()
    {
        var book = NewBook(totalCopies: 2);
        book.CheckOut(2, T0);

        var rule = AssertBrokenRule<BookMustHaveEnoughCopiesRule>(() => book.CheckOut(1, T0));

        Assert.Contains("No copies", rule.Message);
        Assert.Equal(0, book.AvailableCopies);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void Check_out_of_zero_or_negative_copies_is_rejected(int quantity)
    {
        var book = NewBook(totalCopies: 5);

        AssertBrokenRule<QuantityMustBePositiveRule>(() => book.CheckOut(quantity, T0));

        Assert.Equal(5, book.AvailableCopies);
    }

    [Fact]
    public void Archived_book_cannot_be_checked_out_even_with_copies_on_the_shelf()
    {
        var book = NewBook(totalCopies: 5);
        book.Archive(T0);

        AssertBrokenRule<BookMustHaveEnoughCopiesRule>(() => book.CheckOut(1, T0));

        Assert.True(book.IsArchived);
        Assert.Equal(5, book.AvailableCopies);
    }

    [Fact]
    public void Restored_book_can_be_checked_out_again()
    {
        var book = NewBook(totalCopies: 5);
        book.Archive(T0);
        book.Restore(T0);

        book.CheckOut(1, T0);

        Assert.False(book.IsArchived);
        Assert.Equal(4, book.AvailableCopies);
    }

    [Fact]
    public void Check_out_raises_BookStockChanged_with_the_new_numbers()
    {
        var book = NewBook(totalCopies: 5);

        book.CheckOut(2, Days(1));

        var changed = Assert.IsType<BookStockChanged>(Assert.Single(book.DomainEvents));
        Assert.Equal(3, changed.AvailableCopies);
        Assert.Equal(5, changed.TotalCopies);
        Assert.Equal(book.Id, changed.BookId);
        Assert.Equal(Days(1), changed.OccurredAt);
        Assert.NotEqual(Guid.Empty, changed.EventId);
    }
}
