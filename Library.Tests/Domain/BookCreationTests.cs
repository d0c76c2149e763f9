using Library.Domain.Catalog;
using Library.Domain.Catalog.Rules;
using static Library.Tests.Domain.DomainTestData;
using static Library.Tests.Domain.RuleAssert;

namespace Library.Tests.Domain;

public sealed class BookCreationTests
{
    [Fact]
    public void Create_puts_every_copy_on_the_shelf()
    {
        var book = TestBooks.Create(Details(), totalCopies: 5, T0);

        Assert.Equal(5, book.TotalCopies);
        Assert.Equal(5, book.AvailableCopies);
        Assert.Equal(0, book.CopiesOnLoan);
        Assert.False(book.IsArchived);
    }

    [Fact]
    public void Create_with_zero_copies_is_allowed()
    {
        var book = TestBooks.Create(Details(), totalCopies: 0, T0);

        Assert.Equal(0, book.TotalCopies);
        Assert.Equal(0, book.AvailableCopies);
    }

    [Fact]
    public void Create_trims_text_normalizes_isbn_and_turns_blank_optional_fields_into_null()
    {
        var book = TestBooks.Create(
            Details(title: "  Dune ", author: " Frank Herbert ", isbn: "978-0-306-40615-7", publisher: "   ", description: ""),
            totalCopies: 1,
            T0);

        Assert.Equal("Dune", book.Title);
        Assert.Equal("Frank Herbert", book.Author);
        Assert.Equal("9780306406157", book.Isbn);
        Assert.Null(book.Publisher);
        Assert.Null(book.Description);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Create_with_blank_title_is_rejected(string title)
    {
        var rule = AssertBrokenRule<TextIsRequiredRule>(() => TestBooks.Create(Details(title: title), 1, T0));
        Assert.Equal("Title is required.", rule.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Create_with_blank_author_is_rejected(string author)
    {
        var rule = AssertBrokenRule<TextIsRequiredRule>(() => TestBooks.Create(Details(author: author), 1, T0));
        Assert.Equal("Author is required.", rule.Message);
    }

    [Theory]
    [InlineData("9780306406158")]
    [InlineData("12345")]
    [InlineData("")]
    public void Create_with_invalid_isbn_is_rejected(string isbn) =>
        AssertBrokenRule<IsbnMustBeValidRule>(() => TestBooks.Create(Details(isbn: isbn), 1, T0));

    [Theory]
    [InlineData(1449)]
    [InlineData(2028)]
    public void Create_with_year_before_1450_or_after_next_year_is_rejected(int year)
    {
        var rule = AssertBrokenRule<PublicationYearMustBeInRangeRule>(() => TestBooks.Create(Details(year: year), 1, T0));
        AssertReadableMessage(rule, 1450, 2027);
    }

    [Theory]
    [InlineData(1450)]
    [InlineData(2027)]
    [InlineData(null)]
    public void Create_accepts_years_from_1450_to_next_year_and_no_year(int? year) =>
        Assert.Equal(year, TestBooks.Create(Details(year: year), 1, T0).Year);

    [Fact]
    public void Edit_replaces_details_and_total()
    {
        var book = NewBook(totalCopies: 5);
        book.CheckOut(2, T0);

        book.Edit(Details(title: "Dune", author: "Frank Herbert", isbn: "0306406152", year: 1965), totalCopies: 7, Days(1));

        Assert.Equal("Dune", book.Title);
        Assert.Equal("0306406152", book.Isbn);
        Assert.Equal(7, book.TotalCopies);
        Assert.Equal(5, book.AvailableCopies);
        Assert.Equal(2, book.CopiesOnLoan);
    }

    [Fact]
    public void Rejected_edit_leaves_the_book_unchanged()
    {
        var book = NewBook(totalCopies: 5);
        book.CheckOut(3, T0);

        AssertBrokenRule<TotalCopiesCannotDropBelowOnLoanRule>(
            () => book.Edit(Details(title: "Changed title"), totalCopies: 2, Days(1)));

        Assert.Equal("Domain-Driven Design", book.Title);
        Assert.Equal(5, book.TotalCopies);
    }
}
