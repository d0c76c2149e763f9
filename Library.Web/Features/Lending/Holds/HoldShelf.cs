using Library.Domain.Catalog;
using Library.Domain.Catalog.Copies;
using Library.Domain.Lending;
using Library.Domain.Lending.Holds;
using Library.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Library.Web.Features.Lending.Holds;

/// <summary>A copy put on the hold shelf for a patron's hold.</summary>
public sealed record HeldCopy(Guid HoldId, string PatronId, int CopyId, string Barcode, DateTimeOffset ReadyUntil);

/// <summary>
/// Gives copies to the title's queue inside the caller's write transaction: a copy that comes on the shelf while patrons
/// wait goes to the hold shelf for the first of them (first come, first served), and a copy whose hold closed passes to
/// the next one. Every path that puts a copy on the shelf goes through here, so no copy sits on the shelf while a hold waits.
/// </summary>
internal sealed class HoldShelf(IOptions<HoldsOptions> options, LibraryCalendar calendar)
{
    /// <summary>The end of the library day <see cref="HoldsOptions.PickupDays"/> open days after the day the copy was shelved.</summary>
    public DateTimeOffset PickupDeadline(DateTimeOffset now) =>
        calendar.EndOf(calendar.AddOpenDays(calendar.DayOf(now), options.Value.PickupDays));

    /// <summary>Offers copies that are now on the shelf (<see cref="CopyStatus.Available"/> in memory) to the waiting holds.</summary>
    public async Task<IReadOnlyList<HeldCopy>> OfferAsync(
        LibraryDbContext db, Book book, IReadOnlyList<Copy> copies, DateTimeOffset now, CancellationToken ct)
    {
        var offered = copies.Where(c => c.Status == CopyStatus.Available).ToList();
        if (offered.Count == 0 || book.IsArchived)
        {
            return [];
        }

        var waiting = await NextWaitingAsync(db, book.Id, offered.Count, ct);
        var held = new List<HeldCopy>();
        foreach (var (hold, copy) in waiting.Zip(offered))
        {
            book.MoveToHoldShelf(copy, now);
            held.Add(Ready(hold, copy, now));
        }

        return held;
    }

    /// <summary>The hold that had <paramref name="copy"/> closed: the copy goes to the next patron waiting, else back on the shelf.</summary>
    public async Task<HeldCopy?> PassOnAsync(LibraryDbContext db, Book book, Copy copy, DateTimeOffset now, CancellationToken ct)
    {
        var next = book.IsArchived ? [] : await NextWaitingAsync(db, book.Id, 1, ct);
        if (next.Count == 0)
        {
            book.ReleaseFromHoldShelf(copy, now);
            return null;
        }

        // The copy stays on the hold shelf, now for the next patron.
        return Ready(next[0], copy, now);
    }

    /// <summary>The patron's ready hold on the title and the copy held for them, if any.</summary>
    public static async Task<(Hold Hold, Copy Copy)?> ReadyForAsync(LibraryDbContext db, string patronId, int bookId, CancellationToken ct)
    {
        var hold = await db.Holds.SingleOrDefaultAsync(h => h.PatronId == patronId && h.BookId == bookId && h.Status == HoldStatus.Ready, ct);
        if (hold?.CopyId is not { } copyId)
        {
            return null;
        }

        var copy = await db.Copies.SingleAsync(c => c.Id == copyId, ct);
        return (hold, copy);
    }

    private HeldCopy Ready(Hold hold, Copy copy, DateTimeOffset now)
    {
        var until = PickupDeadline(now);
        hold.MakeReady(copy.Id, copy.Barcode, until, now);
        return new HeldCopy(hold.Id, hold.PatronId, copy.Id, copy.Barcode, until);
    }

    private static Task<List<Hold>> NextWaitingAsync(LibraryDbContext db, int bookId, int count, CancellationToken ct) =>
        db.Holds.Where(h => h.BookId == bookId && h.Status == HoldStatus.Waiting)
            .OrderBy(h => h.PlacedAt).ThenBy(h => h.Id).Take(count).ToListAsync(ct);
}
