using Library.Domain.Catalog;
using Library.Domain.Catalog.Copies;
using Library.Domain.Catalog.Rules;
using Library.Domain.Common;
using Library.Domain.Lending;
using Library.Domain.Lending.Holds;
using Library.Web.Features.Lending.Holds;
using Library.Web.Features.Admin.Audit;
using Library.Web.Features.Catalog.Copies;
using Library.Web.Infrastructure.Errors;
using Library.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Library.Web.Features.Admin.Copies;

/// <summary>The body of PATCH /api/copies/{barcode}: only the fields given change (an empty text clears it).</summary>
public sealed record CopyPatch(CopyStatus? Status, string? Location, string? Note);

/// <summary>A librarian's work on copies: add (generated or typed barcodes), describe, take out of circulation and back.</summary>
internal sealed class CopyAdminService(
    DbWriter writer, IDbContextFactory<LibraryDbContext> dbFactory, CopyBarcodes barcodes, AuditLog audit, TimeProvider clock,
    LibraryCalendar calendar, HoldShelf holdShelf)
{
    public const int MaxCopiesPerRequest = 500;

    public async Task<IReadOnlyList<CopyView>> ListAsync(int bookId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Books.AnyAsync(b => b.Id == bookId, ct))
        {
            throw new NotFoundException("Book", bookId);
        }

        return await Views(db, db.Copies.Where(c => c.BookId == bookId)).ToListAsync(ct);
    }

    /// <summary>Finds a copy by its (scanned or typed) barcode; 400 for a mistyped one, 404 for an unknown one.</summary>
    public async Task<CopyView> FindAsync(string barcodeInput, CancellationToken ct)
    {
        var barcode = Read(barcodeInput);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Views(db, db.Copies.Where(c => c.Barcode == barcode)).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("Copy", barcode);
    }

    /// <param name="count">How many copies with generated barcodes; or</param>
    /// <param name="typedBarcodes">the barcodes already on the copies' labels (from an earlier system).</param>
    public Task<IReadOnlyList<CopyDto>> AddAsync(
        int bookId, int? count, IReadOnlyList<string>? typedBarcodes, string? location, Actor actor, CancellationToken cancellationToken)
    {
        var typed = (typedBarcodes ?? []).Select(Read).ToList();
        var duplicate = typed.GroupBy(b => b).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new BadHttpRequestException($"Barcode {duplicate.Key} is given twice.");
        }

        var wanted = typed.Count > 0 ? typed.Count : count ?? 0;
        if (wanted is < 1 or > MaxCopiesPerRequest)
        {
            throw new BadHttpRequestException($"Add between 1 and {MaxCopiesPerRequest} copies at a time.");
        }

        return writer.ExecuteAsync<IReadOnlyList<CopyDto>>(async (db, ct) =>
        {
            var book = await db.Books.SingleOrDefaultAsync(b => b.Id == bookId, ct) ?? throw new NotFoundException("Book", bookId);
            if (typed.Count > 0)
            {
                var used = await db.Copies.Where(c => typed.Contains(c.Barcode)).Select(c => c.Barcode).FirstOrDefaultAsync(ct);
                if (used is not null)
                {
                    throw new BusinessRuleViolationException(new BarcodeMustBeUniqueRule(used, alreadyUsed: true));
                }
            }

            var labels = typed.Count > 0 ? typed : await barcodes.NextAsync(db, wanted, ct);
            var now = clock.GetUtcNow();
            var added = book.AddCopies(labels, calendar.DayOf(now), location, now);
            await db.SaveChangesAsync(ct);
            // New copies go to patrons waiting for the title first (they have ids now).
            await holdShelf.OfferAsync(db, book, added, now, ct);
            audit.Record(db, actor, AuditActions.CopiesAdded, bookId.ToString(), $"{book.Title}: {string.Join(", ", labels)}",
                null, new { Barcodes = labels, Location = location });
            return added.Select(CopyDto.From).ToList();
        }, cancellationToken);
    }

    /// <summary>
    /// Changes a copy's status, location or note. Lost while on loan closes the loan for it and charges the patron the
    /// title's replacement cost (through <c>CopyLossRecorded</c>); every status change updates the title's counts live.
    /// </summary>
    public Task<CopyDto> UpdateAsync(string barcodeInput, CopyPatch patch, Actor actor, CancellationToken cancellationToken)
    {
        var barcode = Read(barcodeInput);
        return writer.ExecuteAsync(async (db, ct) =>
        {
            var copy = await db.Copies.SingleOrDefaultAsync(c => c.Barcode == barcode, ct) ?? throw new NotFoundException("Copy", barcode);
            var book = await db.Books.SingleAsync(b => b.Id == copy.BookId, ct);
            var before = CopyDto.From(copy);
            var now = clock.GetUtcNow();
            if (patch.Location is not null || patch.Note is not null)
            {
                copy.Describe(patch.Location ?? copy.Location, patch.Note ?? copy.Note);
            }

            if (patch.Status is { } status && status != copy.Status)
            {
                if (status == CopyStatus.Lost && copy is { Status: CopyStatus.OnLoan, LoanId: { } loanId })
                {
                    var loan = await db.Loans.Include(l => l.Items).SingleAsync(l => l.Id == loanId, ct);
                    loan.DeclareCopyLost(copy.Id, book.ReplacementCost, now);
                }

                var heldFor = copy.Status == CopyStatus.OnHoldShelf
                    ? await db.Holds.SingleOrDefaultAsync(h => h.CopyId == copy.Id && h.Status == HoldStatus.Ready, ct)
                    : null;
                book.ChangeCopyStatus(copy, status, now);
                // A held copy found lost or damaged: the patron waits again, first in line. A copy back in circulation
                // (found, repaired) goes to whoever waits.
                heldFor?.ReturnToQueue(now);
                await holdShelf.OfferAsync(db, book, [copy], now, ct);
            }

            var after = CopyDto.From(copy);
            audit.Record(db, actor, before.Status != after.Status && after.Status == CopyStatus.Lost && before.Status == CopyStatus.OnLoan
                    ? AuditActions.CopyDeclaredLost
                    : AuditActions.CopyChanged,
                copy.Barcode, book.Title, before, after);
            return after;
        }, cancellationToken);
    }

    private string Read(string? input) => barcodes.ReadOrThrow(input);

    private static IQueryable<CopyView> Views(LibraryDbContext db, IQueryable<Copy> copies) =>
        from c in copies
        join b in db.Books on c.BookId equals b.Id
        join l in db.Loans on c.LoanId equals (Guid?)l.Id into loans
        from l in loans.DefaultIfEmpty()
        join u in db.Users on l.PatronId equals u.Id into users
        from u in users.DefaultIfEmpty()
        orderby c.Barcode
        select new CopyView(
            new CopyDto(c.Id, c.BookId, c.Barcode, c.Status, c.Location, c.AcquiredOn, c.Note, c.LoanId),
            b.Title, l == null ? null : l.PatronId, u == null ? null : u.DisplayName, l == null ? null : l.DueAt);
}
