using Library.Domain.Catalog;
using Library.Domain.Catalog.Events;
using Library.Domain.Catalog.Rules;
using Library.Domain.Common;

namespace Library.Tests.Domain;

public sealed class BookAdminRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly BookDetails Details = new("Title", "Author", "9780306406157", "Publisher", 2000, "About");

    private static Book LentBook(int total, int lent)
    {
        var book = TestBooks.Create(Details, total, Now);
        if (lent > 0)
        {
            book.CheckOut(lent, Now);
        }

        book.ClearDomainEvents();
        return book;
    }

    private static TRule AssertBrokenRule<TRule>(Action action) where TRule : IBusinessRule =>
        Assert.IsType<TRule>(Assert.Throws<BusinessRuleViolationException>(action).BrokenRule);

    [Fact]
    public void Edit_that_would_drop_total_below_copies_on_loan_changes_nothing_at_all()
    {
        var book = LentBook(total: 3, lent: 2);

        var rule = AssertBrokenRule<TotalCopiesCannotDropBelowOnLoanRule>(() =>
            book.Edit(Details with { Title = "New title", Author = "New author" }, totalCopies: 1, Now));

        Assert.Equal(("Title", "Author", 3, 1), (book.Title, book.Author, book.TotalCopies, book.AvailableCopies));
        Assert.Empty(book.DomainEvents);
        Assert.Equal([2], rule.Arguments);
    }

    [Fact]
    public void Edit_with_an_invalid_isbn_changes_neither_details_nor_copies()
    {
        var book = LentBook(total: 3, lent: 1);

        AssertBrokenRule<IsbnMustBeValidRule>(() => book.Edit(Details with { Title = "New", Isbn = "9780306406158" }, totalCopies: 10, Now));

        Assert.Equal(("Title", 3), (book.Title, book.TotalCopies));
    }

    [Fact]
    public void Edit_raises_a_catalogue_change_for_details_and_a_stock_change_for_copies()
    {
        var book = LentBook(total: 3, lent: 1);

        book.Edit(Details with { Title = "  New title " }, totalCopies: 5, Now);

        Assert.Equal(("New title", 5, 4), (book.Title, book.TotalCopies, book.AvailableCopies));
        Assert.Collection(book.DomainEvents,
            e => Assert.Equal(BookCatalogueChange.Edited, Assert.IsType<BookCatalogueChanged>(e).Change),
            e => Assert.Equal(2, Assert.IsType<CopiesAdded>(e).Barcodes.Count),
            e => Assert.Equal((4, 5), (((BookStockChanged)e).AvailableCopies, ((BookStockChanged)e).TotalCopies)));
    }

    [Fact]
    public void Edit_without_changes_raises_nothing()
    {
        var book = LentBook(total: 3, lent: 0);

        book.Edit(Details, totalCopies: 3, Now);

        Assert.Empty(book.DomainEvents);
    }

    [Fact]
    public void A_book_with_copies_on_loan_or_a_loan_history_cannot_be_removed()
    {
        AssertBrokenRule<BookWithCopiesOnLoanCannotBeDeletedRule>(() => LentBook(3, 1).Remove(hasLoanHistory: true, Now));
        AssertBrokenRule<BookWithLoanHistoryCannotBeDeletedRule>(() => LentBook(3, 0).Remove(hasLoanHistory: true, Now));

        var unused = LentBook(3, 0);
        unused.Remove(hasLoanHistory: false, Now);
        Assert.Equal(BookCatalogueChange.Removed, Assert.IsType<BookCatalogueChanged>(Assert.Single(unused.DomainEvents)).Change);
    }

    [Fact]
    public void An_archived_book_cannot_be_borrowed_and_archiving_twice_raises_one_event()
    {
        var book = LentBook(3, 0);

        book.Archive(Now);
        book.Archive(Now);

        Assert.Single(book.DomainEvents);
        AssertBrokenRule<BookMustHaveEnoughCopiesRule>(() => book.CheckOut(1, Now));
        book.Restore(Now);
        book.CheckOut(1, Now);
        Assert.Equal(2, book.AvailableCopies);
    }

    [Fact]
    public void A_new_book_is_announced_only_once_it_has_an_id()
    {
        var book = TestBooks.Create(Details, 2, Now);

        Assert.Throws<InvalidOperationException>(() => book.AnnounceAdded(Now));
        Assert.Empty(book.DomainEvents);
    }

    [Theory]
    [InlineData(null, "Your library card is blocked. Please contact a librarian.")]
    [InlineData("  ", "Your library card is blocked. Please contact a librarian.")]
    [InlineData("Unpaid fees", "Your library card is blocked: Unpaid fees. Please contact a librarian.")]
    public void Blocked_message_never_shows_an_empty_reason(string? reason, string message)
    {
        var rule = new Library.Domain.Lending.Rules.PatronMustNotBeBlockedRule(true, reason);

        Assert.Equal(message, rule.Message);
        Assert.Equal(string.IsNullOrWhiteSpace(reason) ? "PatronMustNotBeBlocked.NoReason" : "PatronMustNotBeBlocked", rule.MessageKey);
    }
}
