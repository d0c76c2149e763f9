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

    /// <remarks>
    /// The id comes from the database, so the new book announces itself with <see cref="AnnounceAdded"/>
    /// once it has been inserted (same transaction).
    /// </remarks>
    public static Book Create(BookDetails details, int totalCopies, DateTimeOffset now)
    {
        CheckDetails(details, now);
        CheckRule(new CopiesCannotBeNegativeRule(totalCopies));
        var book = new Book();
        book.Apply(details);
        book.TotalCopies = totalCopies;
        book.AvailableCopies = totalCopies;
        return book;
    }

    /// <summary>Raises <see cref="BookCatalogueChanged"/> (Added) once the inserted book has its id.</summary>
    public void AnnounceAdded(DateTimeOffset now)
    {
        if (Id == 0)
        {
            throw new InvalidOperationException("A book is announced after it has been inserted and has an id.");
        }

        Raise(new BookCatalogueChanged(Ids.New(), now, Id, BookCatalogueChange.Added));
    }

    /// <summary>Changes details and total copies together: every rule is checked before anything changes.</summary>
    public void Edit(BookDetails details, int totalCopies, DateTimeOffset now)
    {
        CheckDetails(details, now);
        CheckTotalCopies(totalCopies);
        var before = (Title, Author, Isbn, Publisher, Year, Description);
        Apply(details);
        if (before != (Title, Author, Isbn, Publisher, Year, Description))
        {
            Raise(new BookCatalogueChanged(Ids.New(), now, Id, BookCatalogueChange.Edited));
        }

        ChangeTotalCopies(totalCopies, now);
    }

    public void ChangeTotalCopies(int newTotal, DateTimeOffset now)
    {
        CheckTotalCopies(newTotal);
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

    /// <summary>Hides the book from the catalogue; loans and history stay. Borrowing it is no longer possible.</summary>
    public void Archive(DateTimeOffset now)
    {
        if (IsArchived)
        {
            return;
        }

        IsArchived = true;
        Raise(new BookCatalogueChanged(Ids.New(), now, Id, BookCatalogueChange.Archived));
    }

    public void Restore(DateTimeOffset now)
    {
        if (!IsArchived)
        {
            return;
        }

        IsArchived = false;
        Raise(new BookCatalogueChanged(Ids.New(), now, Id, BookCatalogueChange.Restored));
    }

    /// <summary>Checks that the book may be deleted and announces it; the caller then removes the row.</summary>
    /// <param name="hasLoanHistory">True when any loan (even a returned one) refers to the book.</param>
    public void Remove(bool hasLoanHistory, DateTimeOffset now)
    {
        CheckRule(new BookWithCopiesOnLoanCannotBeDeletedRule(CopiesOnLoan));
        CheckRule(new BookWithLoanHistoryCannotBeDeletedRule(hasLoanHistory));
        Raise(new BookCatalogueChanged(Ids.New(), now, Id, BookCatalogueChange.Removed));
    }

    private static void CheckDetails(BookDetails details, DateTimeOffset now)
    {
        CheckRule(new TextIsRequiredRule("Title", details.Title));
        CheckRule(new TextIsRequiredRule("Author", details.Author));
        CheckRule(new IsbnMustBeValidRule(details.Isbn));
        CheckRule(new PublicationYearMustBeInRangeRule(details.Year, now.Year));
    }

    private void CheckTotalCopies(int newTotal)
    {
        CheckRule(new CopiesCannotBeNegativeRule(newTotal));
        CheckRule(new TotalCopiesCannotDropBelowOnLoanRule(newTotal, CopiesOnLoan));
    }

    private void Apply(BookDetails details)
    {
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
