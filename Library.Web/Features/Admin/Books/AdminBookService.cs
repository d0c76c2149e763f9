using Library.Domain.Catalog;
using Library.Domain.Catalog.Copies;
using Library.Domain.Lending;
using Library.Domain.Lending.Holds;
using Library.Web.Features.Lending.Holds;
using Library.Web.Features.Catalog.Copies;
using Library.Domain.Catalog.Rules;
using Library.Domain.Common;
using Library.Web.Features.Admin.Audit;
using Library.Web.Features.Catalog;
using Library.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Library.Web.Features.Admin.Books;

internal sealed record BookSnapshot(
    string Title, string Author, string Isbn, string? Publisher, int? Year, string? Description,
    int TotalCopies, int AvailableCopies, bool IsArchived)
{
    public static BookSnapshot Of(Book b) =>
        new(b.Title, b.Author, b.Isbn, b.Publisher, b.Year, b.Description, b.TotalCopies, b.AvailableCopies, b.IsArchived);
}

/// <summary>Librarian changes to the catalogue; each runs as one transaction with its audit entry.</summary>
internal sealed class AdminBookService(
    DbWriter writer,
    IDbContextFactory<LibraryDbContext> dbFactory,
    IDbErrors dbErrors,
    AuditLog audit,
    TimeProvider clock,
    CopyBarcodes barcodes,
    LibraryCalendar calendar,
    HoldShelf holdShelf)
{
    public Task<BookDto> CreateAsync(BookInput input, Actor actor, CancellationToken cancellationToken) =>
        WithUniqueIsbnAsync(input, async (db, ct) =>
        {
            var now = clock.GetUtcNow();
            var details = input.ToDetails();
            Book.Create(details, [], calendar.DayOf(now), now); // the rules first, before any barcode is reserved
            var book = Book.Create(details, await barcodes.NextAsync(db, Math.Max(0, input.TotalCopies), ct), calendar.DayOf(now), now);
            book.SetReplacementCost(input.ReplacementCost);
            await CheckIsbnIsFreeAsync(db, book.Isbn, exceptId: null, ct);
            db.Books.Add(book);
            await db.SaveChangesAsync(ct); // inside the transaction: gives the book its id
            book.AnnounceAdded(now);
            audit.Record(db, actor, AuditActions.BookCreated, book.Id.ToString(), book.Title, null, BookSnapshot.Of(book));
            return BookDto.From(book);
        }, cancellationToken);

    public Task<BookDto> UpdateAsync(int id, BookInput input, Actor actor, CancellationToken cancellationToken) =>
        WithUniqueIsbnAsync(input, async (db, ct) =>
        {
            var book = await FindAsync(db, id, ct);
            var before = BookSnapshot.Of(book);
            if (Isbn.TryNormalize(input.Isbn, out var isbn))
            {
                await CheckIsbnIsFreeAsync(db, isbn, exceptId: id, ct);
            }

            var now = clock.GetUtcNow();
            book.Edit(input.ToDetails(), now);
            book.SetReplacementCost(input.ReplacementCost);
            if (input.TotalCopies != book.TotalCopies)
            {
                var growth = Math.Max(0, input.TotalCopies - book.TotalCopies);
                var newBarcodes = growth > 0 ? await barcodes.NextAsync(db, growth, ct) : [];
                // Fewer copies: the newest ones on the shelf are withdrawn (their barcodes stay, marked Withdrawn).
                var shelf = await db.Copies.Where(c => c.BookId == id && c.Status == CopyStatus.Available)
                    .OrderByDescending(c => c.Id).Take(Math.Max(0, book.TotalCopies - input.TotalCopies)).ToListAsync(ct);
                book.ChangeTotalCopies(input.TotalCopies, newBarcodes, shelf, calendar.DayOf(now), now);
                if (growth > 0)
                {
                    // New copies go to patrons waiting for the title first (they have ids once saved).
                    await db.SaveChangesAsync(ct);
                    await holdShelf.OfferAsync(db, book, book.Copies.ToList(), now, ct);
                }
            }

            audit.Record(db, actor, AuditActions.BookUpdated, id.ToString(), book.Title, before, BookSnapshot.Of(book));
            return BookDto.From(book);
        }, cancellationToken);

    public Task DeleteAsync(int id, Actor actor, CancellationToken cancellationToken) =>
        writer.ExecuteAsync(async (db, ct) =>
        {
            var book = await FindAsync(db, id, ct);
            var hasHistory = await db.Loans.AnyAsync(l => l.BookId == id, ct);
            book.Remove(hasHistory, clock.GetUtcNow());
            db.Books.Remove(book);
            audit.Record(db, actor, AuditActions.BookDeleted, id.ToString(), book.Title, BookSnapshot.Of(book), null);
            return true;
        }, cancellationToken);

    public Task<BookDto> ArchiveAsync(int id, Actor actor, CancellationToken cancellationToken) =>
        SetArchivedAsync(id, archived: true, actor, cancellationToken);

    public Task<BookDto> RestoreAsync(int id, Actor actor, CancellationToken cancellationToken) =>
        SetArchivedAsync(id, archived: false, actor, cancellationToken);

    private Task<BookDto> SetArchivedAsync(int id, bool archived, Actor actor, CancellationToken cancellationToken) =>
        writer.ExecuteAsync(async (db, ct) =>
        {
            var book = await FindAsync(db, id, ct);
            if (book.IsArchived == archived)
            {
                return BookDto.From(book);
            }

            var before = BookSnapshot.Of(book);
            if (archived)
            {
                var now = clock.GetUtcNow();
                book.Archive(now);
                // Nobody can borrow an archived title, so its holds end (held copies go back on the shelf).
                await HoldService.CancelOpenAsync(db, h => h.BookId == id, byLibrarian: true, holdShelf, now, ct);
            }
            else
            {
                book.Restore(clock.GetUtcNow());
            }

            audit.Record(db, actor, archived ? AuditActions.BookArchived : AuditActions.BookRestored, id.ToString(), book.Title,
                before, BookSnapshot.Of(book));
            return BookDto.From(book);
        }, cancellationToken);

    private static async Task<Book> FindAsync(LibraryDbContext db, int id, CancellationToken ct) =>
        await db.Books.SingleOrDefaultAsync(b => b.Id == id, ct) ?? throw new NotFoundException("Book", id);

    private static async Task CheckIsbnIsFreeAsync(LibraryDbContext db, string isbn, int? exceptId, CancellationToken ct)
    {
        var takenBy = await db.Books.Where(b => b.Isbn == isbn && b.Id != exceptId).Select(b => b.Title).FirstOrDefaultAsync(ct);
        AdminRules.Check(new IsbnMustBeUniqueRule(isbn, takenBy));
    }

    /// <summary>The service checks the ISBN first; the unique index catches a writer outside this process.</summary>
    private async Task<BookDto> WithUniqueIsbnAsync(
        BookInput input, Func<LibraryDbContext, CancellationToken, Task<BookDto>> work, CancellationToken cancellationToken)
    {
        try
        {
            return await writer.ExecuteAsync(work, cancellationToken);
        }
        catch (DbUpdateException ex) when (dbErrors.IsUniqueViolation(ex, "Books.Isbn"))
        {
            Isbn.TryNormalize(input.Isbn, out var isbn);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var takenBy = await db.Books.Where(b => b.Isbn == isbn).Select(b => b.Title).FirstOrDefaultAsync(cancellationToken);
            throw new BusinessRuleViolationException(new IsbnMustBeUniqueRule(isbn, takenBy ?? isbn));
        }
    }
}
