using Library.Domain.Common;
using Library.Domain.Fines;
using Library.Domain.Lending;
using Library.Web.Features.Catalog.Copies;
using Library.Web.Features.Fines;
using Library.Web.Features.Lending;
using Library.Web.Infrastructure.Errors;
using Library.Web.Infrastructure.Identity;
using Library.Web.Infrastructure.Identity.Cards;
using Library.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Library.Web.Features.Desk;

/// <summary>
/// The circulation desk and the self-check kiosk: find a patron by card, lend and check in copies by barcode. Codes are read
/// (check digit) before any lookup: a mistyped code is a 400, an unknown one a 404, a refusal a 409 with its rule.
/// </summary>
internal sealed class DeskService(
    IDbContextFactory<LibraryDbContext> dbFactory,
    LendingService lending,
    CardNumbers cards,
    CopyBarcodes barcodes,
    LateFeeQuote lateFees,
    TimeProvider clock,
    IOptions<LendingOptions> lendingOptions)
{
    public async Task<DeskPatron> FindPatronByCardAsync(string? cardInput, CancellationToken ct)
    {
        var card = ReadCard(cardInput);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var id = await db.Users.Where(u => u.CardNumber == card).Select(u => u.Id).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("Card", card);
        return await PatronAsync(db, id, ct);
    }

    public async Task<DeskPatron> GetPatronAsync(string patronId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await PatronAsync(db, patronId, ct);
    }

    /// <summary>Patrons whose name, e-mail or card number contains <paramref name="text"/> (for a patron without their card).</summary>
    public async Task<IReadOnlyList<DeskPatron>> SearchPatronsAsync(string? text, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length < 2)
        {
            return [];
        }

        var needle = text.Trim().ToLowerInvariant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = await db.Users
            .Where(u => u.DisplayName.ToLower().Contains(needle) || u.Email!.ToLower().Contains(needle) || u.CardNumber!.ToLower().Contains(needle))
            .OrderBy(u => u.DisplayName).Select(u => u.Id).Take(8).ToListAsync(ct);
        var result = new List<DeskPatron>(ids.Count);
        foreach (var id in ids)
        {
            result.Add(await PatronAsync(db, id, ct));
        }

        return result;
    }

    public async Task<DeskCheckout> CheckOutAsync(string patronId, string? barcodeInput, CancellationToken ct)
    {
        var result = await lending.BorrowCopyAsync(patronId, ReadBarcode(barcodeInput), ct);
        return new DeskCheckout(result.Loan.Id, patronId, result.Barcode, result.BookId, result.Title, result.Loan.DueAt);
    }

    public async Task<DeskCheckout> CheckOutByCardAsync(string? cardInput, string? barcodeInput, CancellationToken ct)
    {
        var card = ReadCard(cardInput);
        var barcode = ReadBarcode(barcodeInput);
        string patronId;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            patronId = await db.Users.Where(u => u.CardNumber == card).Select(u => u.Id).SingleOrDefaultAsync(ct)
                ?? throw new NotFoundException("Card", card);
        }

        var result = await lending.BorrowCopyAsync(patronId, barcode, ct);
        return new DeskCheckout(result.Loan.Id, patronId, result.Barcode, result.BookId, result.Title, result.Loan.DueAt);
    }

    public async Task<DeskCheckin> CheckInAsync(string? barcodeInput, CancellationToken ct)
    {
        var result = await lending.ReturnCopyAsync(ReadBarcode(barcodeInput), ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var name = await db.Users.Where(u => u.Id == result.PatronId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct) ?? string.Empty;
        var holdFor = result.HeldFor is { } heldFor
            ? await db.Users.Where(u => u.Id == heldFor).Select(u => u.DisplayName + " (" + (u.CardNumber ?? u.Email) + ")").SingleOrDefaultAsync(ct)
            : null;
        return new DeskCheckin(
            result.Loan.Id, result.PatronId, name, result.BookId, result.Title, result.Barcode, result.DaysOverdue,
            lateFees.For(result.DaysOverdue), HoldFor: holdFor);
    }

    private async Task<DeskPatron> PatronAsync(LibraryDbContext db, string patronId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var user = await db.Users.AsNoTracking().Where(u => u.Id == patronId)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.CardNumber, u.IsBlocked, u.BlockedReason })
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException("Patron", patronId);
        var active = db.Loans.Where(l => l.PatronId == patronId && l.Status == LoanStatus.Active);
        var onLoan = await active.SumAsync(l => l.Quantity - l.QuantityReturned - l.QuantityLost, ct);
        var overdue = await active.CountAsync(l => l.DueAt < now, ct);
        var owed = await db.Fees.Where(f => f.PatronId == patronId && f.Status == FeeStatus.Outstanding).SumAsync(f => (long?)f.Amount, ct) ?? 0;
        return new DeskPatron(
            user.Id, user.DisplayName, user.Email, user.CardNumber, user.IsBlocked, user.BlockedReason, onLoan,
            lendingOptions.Value.MaxCopiesOnLoan, overdue, owed);
    }

    private string ReadCard(string? input) => cards.ReadOrThrow(input);

    private string ReadBarcode(string? input) => barcodes.ReadOrThrow(input);
}
