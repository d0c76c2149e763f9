using System.Linq.Expressions;
using Library.Domain.Catalog.Copies;
using Library.Domain.Lending.Holds;
using Library.Web.Infrastructure.Errors;
using Library.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Library.Web.Features.Lending.Holds;

/// <summary>A patron's holds: place, cancel, see (UI and API).</summary>
internal sealed class HoldService(
    DbWriter writer, IDbContextFactory<LibraryDbContext> dbFactory, HoldShelf holdShelf, IOptions<HoldsOptions> options, TimeProvider clock)
{
    public async Task<HoldDto> PlaceAsync(string patronId, int bookId, CancellationToken cancellationToken)
    {
        var id = await writer.ExecuteAsync(async (db, ct) =>
        {
            var book = await db.Books.AsNoTracking().Where(b => b.Id == bookId)
                .Select(b => new { b.IsArchived, b.AvailableCopies }).SingleOrDefaultAsync(ct) ?? throw new NotFoundException("Book", bookId);
            var patron = await db.Users.AsNoTracking().Where(u => u.Id == patronId)
                .Select(u => new { u.IsBlocked, u.BlockedReason }).SingleOrDefaultAsync(ct) ?? throw new NotFoundException("Patron", patronId);
            var open = await Open(db).Where(h => h.PatronId == patronId).Select(h => h.BookId).ToListAsync(ct);
            var onLoan = await db.Loans.AnyAsync(l => l.PatronId == patronId && l.BookId == bookId && l.Status == Domain.Lending.LoanStatus.Active, ct);
            var hold = Hold.Place(patronId, bookId, new HoldPlacement(
                patron.IsBlocked, patron.BlockedReason, book.IsArchived, book.AvailableCopies, open.Count, open.Contains(bookId),
                options.Value.MaxPerPatron, onLoan), clock.GetUtcNow());
            db.Holds.Add(hold);
            return hold.Id;
        }, cancellationToken);
        return (await FindAsync(patronId, id, cancellationToken))!;
    }

    /// <summary>Cancels the patron's own hold; a copy held for them passes to the next patron. Someone else's hold: 404.</summary>
    public Task CancelAsync(string patronId, Guid holdId, CancellationToken cancellationToken) =>
        writer.ExecuteAsync(async (db, ct) =>
        {
            var hold = await db.Holds.SingleOrDefaultAsync(h => h.Id == holdId && h.PatronId == patronId, ct)
                ?? throw new NotFoundException("Hold", holdId);
            await CancelAsync(db, hold, reason: null, byLibrarian: false, holdShelf, clock.GetUtcNow(), ct);
            return true;
        }, cancellationToken);

    /// <summary>Cancels <paramref name="hold"/> inside the caller's transaction and passes its copy on.</summary>
    public static async Task CancelAsync(
        LibraryDbContext db, Hold hold, string? reason, bool byLibrarian, HoldShelf holdShelf, DateTimeOffset now, CancellationToken ct)
    {
        if (hold.Cancel(reason, byLibrarian, now) is { } copyId)
        {
            var copy = await db.Copies.SingleAsync(c => c.Id == copyId, ct);
            var book = await db.Books.SingleAsync(b => b.Id == hold.BookId, ct);
            if (copy.Status == CopyStatus.OnHoldShelf)
            {
                await holdShelf.PassOnAsync(db, book, copy, now, ct);
            }
        }
    }

    /// <summary>The patron's open holds: ready ones first, then by their place in the queue.</summary>
    public async Task<IReadOnlyList<HoldDto>> MyHoldsAsync(string patronId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var holds = await WithPositionsAsync(db, Open(db).Where(h => h.PatronId == patronId), ct);
        return holds.OrderBy(h => h.Status == HoldStatus.Ready ? 0 : 1).ThenBy(h => h.PlacedAt).ToList();
    }

    /// <summary>The patron's open hold on a title, if any (the book page shows it).</summary>
    public async Task<HoldDto?> MyHoldOnAsync(string patronId, int bookId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await WithPositionsAsync(db, Open(db).Where(h => h.PatronId == patronId && h.BookId == bookId), ct)).FirstOrDefault();
    }

    public async Task<HoldDto?> FindAsync(string patronId, Guid holdId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await WithPositionsAsync(db, db.Holds.Where(h => h.Id == holdId && h.PatronId == patronId), ct)).SingleOrDefault();
    }

    /// <summary>The ids of the title's waiting holds in queue order (first come, first served; the order copies are given in).</summary>
    public static Task<List<Guid>> QueueAsync(LibraryDbContext db, int bookId, CancellationToken ct) =>
        db.Holds.AsNoTracking().Where(h => h.BookId == bookId && h.Status == HoldStatus.Waiting)
            .OrderBy(h => h.PlacedAt).ThenBy(h => h.Id).Select(h => h.Id).ToListAsync(ct);

    /// <summary>Waiting and ready holds: the ones still in play.</summary>
    public static IQueryable<Hold> Open(LibraryDbContext db) =>
        db.Holds.Where(h => h.Status == HoldStatus.Waiting || h.Status == HoldStatus.Ready);

    /// <summary>Ends the open holds of a title or a patron (archived, account deleted); held copies pass on.</summary>
    public static async Task CancelOpenAsync(
        LibraryDbContext db, Expression<Func<Hold, bool>> which, bool byLibrarian, HoldShelf holdShelf, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var hold in await Open(db).Where(which).ToListAsync(ct))
        {
            await CancelAsync(db, hold, reason: null, byLibrarian, holdShelf, now, ct);
        }
    }

    private static async Task<List<HoldDto>> WithPositionsAsync(LibraryDbContext db, IQueryable<Hold> holds, CancellationToken ct)
    {
        var rows = await (
            from h in holds.AsNoTracking()
            join b in db.Books.AsNoTracking() on h.BookId equals b.Id
            select new { h.Id, h.BookId, h.Status, h.ReadyUntil, b.Title, h.PlacedAt }).ToListAsync(ct);
        var result = new List<HoldDto>(rows.Count);
        foreach (var r in rows)
        {
            var position = r.Status == HoldStatus.Waiting ? (await QueueAsync(db, r.BookId, ct)).IndexOf(r.Id) + 1 : 0;
            result.Add(new HoldDto(r.Id, r.BookId, r.Status, position, r.ReadyUntil, r.Title, r.PlacedAt));
        }

        return result;
    }

    public async Task<TitleHolds> ForTitleAsync(int bookId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ForTitleAsync(db, bookId, ct);
    }

    public static async Task<TitleHolds> ForTitleAsync(LibraryDbContext db, int bookId, CancellationToken ct) =>
        new(await db.Holds.CountAsync(h => h.BookId == bookId && h.Status == HoldStatus.Waiting, ct),
            await db.Books.Where(b => b.Id == bookId).Select(b => b.OnHoldShelfCopies).SingleOrDefaultAsync(ct));
}
