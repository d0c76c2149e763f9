using Library.Domain.Catalog.Copies;
using Library.Domain.Lending.Holds;
using Library.Web.Features.Admin;
using Library.Web.Features.Admin.Audit;
using Library.Web.Infrastructure.Errors;
using Library.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Library.Web.Features.Lending.Holds;

/// <summary>A librarian's view of holds: a title's queue, the hold shelf, and cancelling a hold with a reason (audited).</summary>
internal sealed class HoldAdminService(
    DbWriter writer, IDbContextFactory<LibraryDbContext> dbFactory, HoldShelf holdShelf, AuditLog audit, TimeProvider clock)
{
    /// <summary>The title's open holds: ready ones (on the hold shelf) first, then the waiting queue in order.</summary>
    public async Task<IReadOnlyList<HoldQueueEntry>> QueueAsync(int bookId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Books.AnyAsync(b => b.Id == bookId, ct))
        {
            throw new NotFoundException("Book", bookId);
        }

        var rows = await (
            from h in HoldService.Open(db).AsNoTracking()
            where h.BookId == bookId
            join u in db.Users.AsNoTracking() on h.PatronId equals u.Id
            join c in db.Copies.AsNoTracking() on h.CopyId equals c.Id into copies
            from c in copies.DefaultIfEmpty()
            orderby h.Status descending, h.PlacedAt, h.Id
            select new { h.Id, h.Status, h.PatronId, u.DisplayName, u.Email, u.CardNumber, h.PlacedAt, h.ReadyUntil, Barcode = c != null ? c.Barcode : null })
            .ToListAsync(ct);
        var position = 0;
        return rows.Select(r => new HoldQueueEntry(
                r.Id, r.Status, r.Status == HoldStatus.Waiting ? ++position : 0, r.PatronId, PatronName(r.DisplayName, r.Email, r.PatronId),
                r.Email, r.CardNumber, r.PlacedAt, r.ReadyUntil, r.Barcode))
            .ToList();
    }

    /// <summary>Every copy on the hold shelf, the soonest deadline first.</summary>
    public async Task<IReadOnlyList<HoldShelfEntry>> HoldShelfAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var rows = await (
            from h in db.Holds.AsNoTracking()
            where h.Status == HoldStatus.Ready
            join b in db.Books.AsNoTracking() on h.BookId equals b.Id
            join c in db.Copies.AsNoTracking() on h.CopyId equals c.Id
            join u in db.Users.AsNoTracking() on h.PatronId equals u.Id
            orderby h.ReadyUntil, b.Title
            select new { h.Id, h.BookId, b.Title, c.Barcode, c.Location, h.PatronId, u.DisplayName, u.Email, u.CardNumber, h.ReadyAt, h.ReadyUntil })
            .ToListAsync(ct);
        return rows.Select(r => new HoldShelfEntry(
                r.Id, r.BookId, r.Title, r.Barcode, r.Location, r.PatronId, PatronName(r.DisplayName, r.Email, r.PatronId), r.CardNumber,
                r.ReadyAt!.Value, r.ReadyUntil!.Value, now > r.ReadyUntil!.Value))
            .ToList();
    }

    /// <summary>Cancels a patron's hold with a reason the patron is told; a held copy passes to the next patron.</summary>
    public Task CancelAsync(Guid holdId, string? reason, Actor actor, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new BadHttpRequestException("Give the patron a reason for cancelling their hold.");
        }

        return writer.ExecuteAsync(async (db, ct) =>
        {
            var hold = await db.Holds.SingleOrDefaultAsync(h => h.Id == holdId, ct) ?? throw new NotFoundException("Hold", holdId);
            var before = new { hold.Status, hold.CopyId };
            var title = await db.Books.Where(b => b.Id == hold.BookId).Select(b => b.Title).SingleAsync(ct);
            await HoldService.CancelAsync(db, hold, reason, byLibrarian: true, holdShelf, clock.GetUtcNow(), ct);
            audit.Record(db, actor, AuditActions.HoldCancelled, hold.Id.ToString(), $"{title}: {reason.Trim()}", before,
                new { hold.Status, hold.PatronId, Reason = hold.CancelReason });
            return true;
        }, cancellationToken);
    }

    private static string PatronName(string? displayName, string? email, string id) =>
        !string.IsNullOrWhiteSpace(displayName) ? displayName : email ?? id;
}
