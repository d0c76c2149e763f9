using Library.Domain.Catalog.Copies;
using Library.Domain.Catalog.Events;
using Library.Domain.Catalog.Rules;
using Library.Domain.Common;
using Library.Domain.Common.Rules;

namespace Library.Domain.Catalog;

public sealed class Book : AggregateRoot
{
    private readonly List<Copy> _copies = [];

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
    /// <summary>Copies on the shelf that anyone may borrow (the hold shelf is not counted).</summary>
    public int AvailableCopies { get; private set; }
    /// <summary>Copies waiting on the hold shelf, each for the patron whose hold it fills.</summary>
    public int OnHoldShelfCopies { get; private set; }
    public bool IsArchived { get; private set; }

    /// <summary>The cover's version (a hash of its thumbnails), null when the title has none; lists use it to show and cache-bust the cover.</summary>
    public string? CoverVersion { get; private set; }

    /// <summary>Copies in circulation that are out on loan (total = available + on the hold shelf + on loan).</summary>
    public int CopiesOnLoan => TotalCopies - AvailableCopies - OnHoldShelfCopies;

    /// <summary>The replacement cost in won charged when a copy is lost; null: the library's default applies.</summary>
    public long? ReplacementCost { get; private set; }

    /// <summary>Only the copies this unit of work added or loaded; the counters above are the title's truth for all of them.</summary>
    public IReadOnlyCollection<Copy> Copies => _copies.AsReadOnly();

    /// <remarks>
    /// The id comes from the database, so the new book announces itself with <see cref="AnnounceAdded"/>
    /// once it has been inserted (same transaction). Its copies are inserted with it.
    /// </remarks>
    public static Book Create(BookDetails details, IReadOnlyList<string> barcodes, DateOnly acquiredOn, DateTimeOffset now)
    {
        CheckDetails(details, now);
        var book = new Book();
        book.Apply(details);
        book.Shelve(barcodes, acquiredOn, location: null);
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

    public void Edit(BookDetails details, DateTimeOffset now)
    {
        CheckDetails(details, now);
        var before = (Title, Author, Isbn, Publisher, Year, Description);
        Apply(details);
        if (before != (Title, Author, Isbn, Publisher, Year, Description))
        {
            Raise(new BookCatalogueChanged(Ids.New(), now, Id, BookCatalogueChange.Edited));
        }
    }

    /// <summary>A new cover (its version), or none (null); open catalogue pages refresh.</summary>
    public void SetCover(string? version, DateTimeOffset now)
    {
        if (version != CoverVersion)
        {
            CoverVersion = version;
            Raise(new BookCatalogueChanged(Ids.New(), now, Id, BookCatalogueChange.Edited));
        }
    }

    public void SetReplacementCost(long? won)
    {
        CheckRule(new ReplacementCostCannotBeNegativeRule(won));
        ReplacementCost = won;
    }

    /// <summary>New copies go on the shelf; <paramref name="barcodes"/> are unique (the caller checked the catalogue).</summary>
    public IReadOnlyList<Copy> AddCopies(IReadOnlyList<string> barcodes, DateOnly acquiredOn, string? location, DateTimeOffset now)
    {
        CheckRule(new QuantityMustBePositiveRule(barcodes.Count));
        var added = Shelve(barcodes, acquiredOn, location);
        Raise(new CopiesAdded(Ids.New(), now, Id, added.Select(c => c.Barcode).ToList()));
        RaiseStockChanged(now);
        return added;
    }

    /// <summary>
    /// For a title catalogued before copies had barcodes: creates its copy records from its counts, the first ones out on
    /// the active loans as given (loan id, copies still out). Data that disagreed (more out than the total) is corrected to
    /// what the copies say, so the counters and the copies agree from here on.
    /// </summary>
    public IReadOnlyList<Copy> RecordExistingCopies(
        IReadOnlyList<string> barcodes, IReadOnlyList<(Guid LoanId, int Count)> loans, DateOnly acquiredOn)
    {
        if (_copies.Count > 0 || barcodes.Count != TotalCopies)
        {
            throw new InvalidOperationException($"Title {Id} records its {TotalCopies} existing copies once, with as many barcodes.");
        }

        var copies = barcodes.Select(b => new Copy(this, b, acquiredOn, location: null)).ToList();
        _copies.AddRange(copies);
        var next = 0;
        foreach (var (loanId, count) in loans)
        {
            for (var i = 0; i < count && next < copies.Count; i++)
            {
                copies[next++].MoveTo(CopyStatus.OnLoan, loanId);
            }
        }

        AvailableCopies = TotalCopies - next;
        return copies;
    }

    /// <summary>
    /// The edit form's total: more copies are added with <paramref name="newBarcodes"/>, fewer withdraw copies from
    /// <paramref name="shelf"/> (the title's available copies, the ones to withdraw first).
    /// </summary>
    public void ChangeTotalCopies(
        int newTotal, IReadOnlyList<string> newBarcodes, IReadOnlyList<Copy> shelf, DateOnly acquiredOn, DateTimeOffset now)
    {
        CheckRule(new CopiesCannotBeNegativeRule(newTotal));
        CheckRule(new TotalCopiesCannotDropBelowOnLoanRule(newTotal, CopiesOnLoan + OnHoldShelfCopies));
        if (newTotal > TotalCopies)
        {
            AddCopies(newBarcodes.Take(newTotal - TotalCopies).ToList(), acquiredOn, location: null, now);
        }

        var withdrawn = OwnAvailable(shelf).Take(TotalCopies - newTotal).ToList();
        foreach (var copy in withdrawn)
        {
            MoveCopy(copy, CopyStatus.Withdrawn, now);
        }

        if (withdrawn.Count > 0)
        {
            RaiseStockChanged(now);
        }
    }

    /// <summary>
    /// Lends <paramref name="quantity"/> copies: first <paramref name="heldForBorrower"/> (the copy on the hold shelf for
    /// this borrower, if any), the rest taken from <paramref name="shelf"/> (the title's available copies).
    /// </summary>
    public IReadOnlyList<Copy> Lend(int quantity, IReadOnlyList<Copy> shelf, Guid loanId, DateTimeOffset now, Copy? heldForBorrower = null)
    {
        CheckRule(new QuantityMustBePositiveRule(quantity));
        var held = heldForBorrower is null ? 0 : 1;
        var canLend = IsArchived ? 0 : AvailableCopies + held;
        CheckRule(new Lending.Holds.Rules.HeldCopyIsForAnotherPatronRule(canLend, IsArchived ? 0 : OnHoldShelfCopies - held, quantity));
        CheckRule(new BookMustHaveEnoughCopiesRule(canLend, quantity));
        var fromShelf = OwnAvailable(shelf).Take(quantity - held).ToList();
        CheckRule(new BookMustHaveEnoughCopiesRule(fromShelf.Count + held, quantity));
        if (heldForBorrower is not null)
        {
            TakeFromHoldShelf(heldForBorrower, loanId);
        }

        foreach (var copy in fromShelf)
        {
            copy.MoveTo(CopyStatus.OnLoan, loanId);
        }

        AvailableCopies -= fromShelf.Count;
        RaiseStockChanged(now);
        return heldForBorrower is null ? fromShelf : [heldForBorrower, .. fromShelf];
    }

    /// <summary>Lends the one copy scanned at the desk or kiosk; a copy on the hold shelf only when it is held for this borrower.</summary>
    public void LendCopy(Copy copy, Guid loanId, DateTimeOffset now, bool heldForBorrower = false)
    {
        EnsureOwn(copy);
        if (heldForBorrower && copy.Status == CopyStatus.OnHoldShelf && !IsArchived)
        {
            TakeFromHoldShelf(copy, loanId);
            RaiseStockChanged(now);
            return;
        }

        CheckRule(new CopyMustBeAvailableRule(copy.Barcode, copy.Status, IsArchived));
        CheckRule(new BookMustHaveEnoughCopiesRule(AvailableCopies, 1));
        copy.MoveTo(CopyStatus.OnLoan, loanId);
        AvailableCopies--;
        RaiseStockChanged(now);
    }

    /// <summary>A copy that came back (or came on the shelf) goes to the hold shelf for the first patron waiting.</summary>
    public void MoveToHoldShelf(Copy copy, DateTimeOffset now)
    {
        EnsureOwn(copy);
        CheckRule(new CopyMustBeAvailableRule(copy.Barcode, copy.Status, titleArchived: false));
        copy.MoveTo(CopyStatus.OnHoldShelf);
        AvailableCopies--;
        OnHoldShelfCopies++;
        RaiseStockChanged(now);
    }

    /// <summary>Nobody waits any more for the copy on the hold shelf: it goes back on the shelf.</summary>
    public void ReleaseFromHoldShelf(Copy copy, DateTimeOffset now)
    {
        EnsureOwn(copy);
        if (copy.Status != CopyStatus.OnHoldShelf)
        {
            throw new InvalidOperationException($"Copy {copy.Barcode} is not on the hold shelf.");
        }

        copy.MoveTo(CopyStatus.Available);
        OnHoldShelfCopies--;
        AvailableCopies++;
        RaiseStockChanged(now);
    }

    private void TakeFromHoldShelf(Copy copy, Guid loanId)
    {
        EnsureOwn(copy);
        if (copy.Status != CopyStatus.OnHoldShelf)
        {
            throw new InvalidOperationException($"Copy {copy.Barcode} is not on the hold shelf.");
        }

        copy.MoveTo(CopyStatus.OnLoan, loanId);
        OnHoldShelfCopies--;
    }

    /// <summary>Copies that came back from a loan go on the shelf.</summary>
    public void TakeBack(IReadOnlyList<Copy> copies, DateTimeOffset now)
    {
        CheckRule(new QuantityMustBePositiveRule(copies.Count));
        CheckRule(new ReturnedCopiesCannotExceedTotalRule(AvailableCopies + OnHoldShelfCopies, copies.Count, TotalCopies));
        foreach (var copy in copies)
        {
            EnsureOwn(copy);
            CheckRule(new CopyMustBeOnLoanRule(copy.Barcode, copy.Status));
        }

        foreach (var copy in copies)
        {
            copy.MoveTo(CopyStatus.Available);
        }

        AvailableCopies += copies.Count;
        RaiseStockChanged(now);
    }

    /// <summary>
    /// A librarian takes a copy out of circulation (lost, damaged, withdrawn) or back (found, repaired). A copy on loan can
    /// only be declared lost; its loan closes for it in the same unit of work.
    /// </summary>
    public void ChangeCopyStatus(Copy copy, CopyStatus to, DateTimeOffset now)
    {
        EnsureOwn(copy);
        CheckRule(new CopyStatusIsSetByLendingRule(to));
        if (copy.Status == to)
        {
            return;
        }

        CheckRule(new CopyStatusChangeMustBeAllowedRule(copy.Barcode, copy.Status, to, byHand: true));

        MoveCopy(copy, to, now);
        RaiseStockChanged(now);
    }

    private void MoveCopy(Copy copy, CopyStatus to, DateTimeOffset now)
    {
        var from = copy.Status;
        var wasAvailable = from == CopyStatus.Available;
        var wasInCirculation = copy.IsInCirculation;
        copy.MoveTo(to);
        AvailableCopies += (to == CopyStatus.Available ? 1 : 0) - (wasAvailable ? 1 : 0);
        OnHoldShelfCopies += (to == CopyStatus.OnHoldShelf ? 1 : 0) - (from == CopyStatus.OnHoldShelf ? 1 : 0);
        TotalCopies += (copy.IsInCirculation ? 1 : 0) - (wasInCirculation ? 1 : 0);
        Raise(new CopyStatusChanged(Ids.New(), now, Id, copy.Id, copy.Barcode, from, to));
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

    private IReadOnlyList<Copy> Shelve(IReadOnlyList<string> barcodes, DateOnly acquiredOn, string? location)
    {
        var copies = barcodes.Select(b => new Copy(this, b, acquiredOn, location)).ToList();
        _copies.AddRange(copies);
        TotalCopies += copies.Count;
        AvailableCopies += copies.Count;
        return copies;
    }

    private IEnumerable<Copy> OwnAvailable(IReadOnlyList<Copy> shelf) =>
        shelf.Where(c => (c.BookId == Id || c.Book == this) && c.Status == CopyStatus.Available);

    private void EnsureOwn(Copy copy)
    {
        if (copy.BookId != Id && copy.Book != this)
        {
            throw new InvalidOperationException($"Copy {copy.Barcode} belongs to another title.");
        }
    }

    /// <summary>One stock event per unit of work, with the final counts (a return that fills a hold does not flicker).</summary>
    private void RaiseStockChanged(DateTimeOffset now) =>
        RaiseLatest(new BookStockChanged(Ids.New(), now, Id, AvailableCopies, TotalCopies));
}
