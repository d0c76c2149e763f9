using Library.Domain.Catalog.Events;
using Library.Domain.Catalog.Rules;
using Library.Domain.Common;
using Library.Domain.Common.Rules;

namespace Library.Domain.Catalog;

public sealed class Book : AggregateRoot
{
    private Book()
    {
    }

    public int Id { get; private set; }
    public string Title { get; private set; } = string.Empty;
    public string Author { get; private set; } = string.Empty;
    public string Isbn { get; private set; } = string.Empty;
    public string? Publisher { get; private set; }
    public int? Year { get; private set; }
    public string? Description { get; private set; }
    public int TotalCopies { get; private set; }
    public int AvailableCopies { get; private set; }
    public bool IsArchived { get; private set; }

    public int CopiesOnLoan => TotalCopies - AvailableCopies;

    public static Book Create(BookDetails details, int totalCopies, DateTimeOffset now)
    {
        var book = new Book();
        book.Apply(details, now);
        CheckRule(new CopiesCannotBeNegativeRule(totalCopies));
        book.TotalCopies = totalCopies;
        book.AvailableCopies = totalCopies;
        return book;
    }

    public void Edit(BookDetails details, int totalCopies, DateTimeOffset now)
    {
        Apply(details, now);
        ChangeTotalCopies(totalCopies, now);
    }

    public void ChangeTotalCopies(int newTotal, DateTimeOffset now)
    {
        CheckRule(new CopiesCannotBeNegativeRule(newTotal));
        CheckRule(new TotalCopiesCannotDropBelowOnLoanRule(newTotal, CopiesOnLoan));
        if (newTotal == TotalCopies)
        {
            return;
        }

        AvailableCopies = newTotal - CopiesOnLoan;
        TotalCopies = newTotal;
        RaiseStockChanged(now);
    }

    public void CheckOut(int quantity, DateTimeOffset now)
    {
        CheckRule(new QuantityMustBePositiveRule(quantity));
        CheckRule(new BookMustHaveEnoughCopiesRule(IsArchived ? 0 : AvailableCopies, quantity));
        AvailableCopies -= quantity;
        RaiseStockChanged(now);
    }

    public void CheckIn(int quantity, DateTimeOffset now)
    {
        CheckRule(new QuantityMustBePositiveRule(quantity));
        CheckRule(new ReturnedCopiesCannotExceedTotalRule(AvailableCopies, quantity, TotalCopies));
        AvailableCopies += quantity;
        RaiseStockChanged(now);
    }

    public void Archive() => IsArchived = true;

    public void Restore() => IsArchived = false;

    private void Apply(BookDetails details, DateTimeOffset now)
    {
        CheckRule(new TextIsRequiredRule("Title", details.Title));
        CheckRule(new TextIsRequiredRule("Author", details.Author));
        CheckRule(new IsbnMustBeValidRule(details.Isbn));
        CheckRule(new PublicationYearMustBeInRangeRule(details.Year, now.Year));
        Domain.Catalog.Isbn.TryNormalize(details.Isbn, out var isbn);
        Title = details.Title.Trim();
        Author = details.Author.Trim();
        Isbn = isbn;
        Publisher = string.IsNullOrWhiteSpace(details.Publisher) ? null : details.Publisher.Trim();
        Year = details.Year;
        Description = string.IsNullOrWhiteSpace(details.Description) ? null : details.Description.Trim();
    }

    private void RaiseStockChanged(DateTimeOffset now) =>
        Raise(new BookStockChanged(Ids.New(), now, Id, AvailableCopies, TotalCopies));
}
