using Library.Domain.Catalog;
using Library.Domain.Catalog.Copies;
using Library.Domain.Catalog.Rules;
using Library.Domain.Common;
using Library.Domain.Common.Rules;
using Library.Domain.Lending;
using Library.Domain.Lending.Events;
using Library.Domain.Lending.Rules;
using Library.Domain.Messaging;
using Library.Web.Infrastructure.Identity;
using Library.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Library.Web.Features.Lending;

/// <summary>Borrow and return: the only way stock leaves and comes back. Shared by the UI and the API.</summary>
internal sealed class LendingService(
    DbWriter writer,
    IEventBus eventBus,
    TimeProvider clock,
    IOptions<LendingOptions> options,
    LibraryCalendar calendar,
    LendingThrottle throttle,
    Holds.HoldShelf holdShelf)
{
    public Task<LoanDto> BorrowAsync(string patronId, int bookId, int quantity, CancellationToken cancellationToken) =>
        BorrowAsync(patronId, db => db.Books.SingleOrDefaultAsync(b => b.Id == bookId, cancellationToken), bookId, quantity, cancellationToken);

    /// <summary>Borrow by ISBN: works without the catalogue's search (e.g. while it is unavailable).</summary>
    public Task<LoanDto> BorrowByIsbnAsync(string patronId, string isbn, int quantity, CancellationToken cancellationToken)
    {
        if (!Isbn.TryNormalize(isbn, out var normalized))
        {
            throw new BusinessRuleViolationException(new Domain.Catalog.Rules.IsbnMustBeValidRule(isbn));
        }

        return BorrowAsync(patronId, db => db.Books.SingleOrDefaultAsync(b => b.Isbn == normalized, cancellationToken), normalized, quantity, cancellationToken);
    }

    private async Task<LoanDto> BorrowAsync(
        string patronId, Func<LibraryDbContext, Task<Book?>> findBook, object bookKey, int quantity, CancellationToken cancellationToken)
    {
        using var _ = await throttle.EnterAsync(patronId, cancellationToken);
        int? bookId = bookKey as int?;
        try
        {
            return await writer.ExecuteAsync(async (db, ct) =>
            {
                var now = clock.GetUtcNow();
                var book = await findBook(db) ?? throw new NotFoundException("Book", bookKey);
                bookId = book.Id;
                var patron = await db.Users.AsNoTracking()
                    .Where(u => u.Id == patronId)
                    .Select(u => new { u.IsBlocked, u.BlockedReason })
                    .SingleOrDefaultAsync(ct) ?? throw new NotFoundException("Patron", patronId);
                if (new PatronMustNotBeBlockedRule(patron.IsBlocked, patron.BlockedReason) is { } blocked && blocked.IsBroken())
                {
                    throw new BusinessRuleViolationException(blocked);
                }

                var onLoan = await CopiesOnLoanAsync(db, patronId, ct);
                var loan = Loan.Borrow(patronId, book.Id, quantity, onLoan, options.Value.ToPolicy(calendar), now);
                // A copy on the hold shelf for this patron goes out first, and fulfils their hold.
                var ready = book.OnHoldShelfCopies > 0 ? await Holds.HoldShelf.ReadyForAsync(db, patronId, book.Id, ct) : null;
                var fromShelf = quantity - (ready is null ? 0 : 1);
                var shelf = fromShelf > 0 && fromShelf <= book.AvailableCopies
                    ? await db.Copies.Where(c => c.BookId == book.Id && c.Status == CopyStatus.Available)
                        .OrderBy(c => c.Id).Take(fromShelf).ToListAsync(ct)
                    : [];
                var lent = book.Lend(quantity, shelf, loan.Id, now, ready?.Copy);
                ready?.Hold.Fulfil(loan.Id, now);
                loan.RecordCopies(lent.Select(c => new LoanedCopy(c.Id, c.Barcode)).ToList());
                db.Loans.Add(loan);
                return LoanDto.From(loan);
            }, cancellationToken);
        }
        catch (BusinessRuleViolationException ex)
            when (ex.BrokenRule is BookMustHaveEnoughCopiesRule or Domain.Lending.Holds.Rules.HeldCopyIsForAnotherPatronRule && bookId is { } id)
        {
            // Over-demand is recorded, so librarians can see unmet demand; nothing was lent.
            await eventBus.PublishAsync(new BorrowCancelled(
                Ids.New(), clock.GetUtcNow(), patronId, id, quantity, ex.BrokenRule.Code, ex.BrokenRule.Message), CancellationToken.None);
            throw;
        }
    }

    /// <param name="patronId">The patron returning; null when a librarian checks the loan in on their behalf.</param>
    public async Task<ReturnResult> ReturnAsync(Guid loanId, int quantity, string? patronId, CancellationToken cancellationToken)
    {
        // A librarian's check-in is throttled under its own key ("desk").
        using var _ = await throttle.EnterAsync(patronId ?? "desk", cancellationToken);
        return await writer.ExecuteAsync((db, ct) => ReturnAsync(db, loanId, quantity, patronId, ct), cancellationToken);
    }

    /// <summary>The return inside a write transaction the caller already runs (e.g. a librarian's check-in plus its audit entry).</summary>
    public async Task<ReturnResult> ReturnAsync(LibraryDbContext db, Guid loanId, int quantity, string? patronId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var loan = await db.Loans.Include(l => l.Returns).Include(l => l.Items).SingleOrDefaultAsync(l => l.Id == loanId, ct);
        if (loan is null || (patronId is not null && loan.PatronId != patronId))
        {
            throw new NotFoundException("Loan", loanId);
        }

        var loanReturn = loan.Return(quantity, now, calendar);
        var book = await db.Books.SingleAsync(b => b.Id == loan.BookId, ct);
        var copyIds = loan.CopiesReturnedBy(loanReturn.Id);
        var copies = await db.Copies.Where(c => copyIds.Contains(c.Id)).ToListAsync(ct);
        book.TakeBack(copies, now);
        await holdShelf.OfferAsync(db, book, copies, now, ct);
        return new ReturnResult(LoanDto.From(loan), loanReturn.Id, loanReturn.DaysOverdue);
    }

    /// <summary>Lends the one copy scanned at the desk or kiosk (a loan of one copy).</summary>
    public async Task<CopyLoanResult> BorrowCopyAsync(string patronId, string barcode, CancellationToken cancellationToken)
    {
        using var _ = await throttle.EnterAsync(patronId, cancellationToken);
        return await writer.ExecuteAsync(async (db, ct) =>
        {
            var now = clock.GetUtcNow();
            var copy = await db.Copies.SingleOrDefaultAsync(c => c.Barcode == barcode, ct) ?? throw new NotFoundException("Copy", barcode);
            var book = await db.Books.SingleAsync(b => b.Id == copy.BookId, ct);
            var patron = await db.Users.AsNoTracking().Where(u => u.Id == patronId)
                .Select(u => new { u.IsBlocked, u.BlockedReason }).SingleOrDefaultAsync(ct) ?? throw new NotFoundException("Patron", patronId);
            if (new PatronMustNotBeBlockedRule(patron.IsBlocked, patron.BlockedReason) is { } blocked && blocked.IsBroken())
            {
                throw new BusinessRuleViolationException(blocked);
            }

            var loan = Loan.Borrow(patronId, book.Id, 1, await CopiesOnLoanAsync(db, patronId, ct), options.Value.ToPolicy(calendar), now);
            // The patron's ready hold on the title is fulfilled by whichever copy of it they take; a different copy than
            // the one held for them frees that one for the next patron.
            var ready = book.OnHoldShelfCopies > 0 ? await Holds.HoldShelf.ReadyForAsync(db, patronId, book.Id, ct) : null;
            var scannedIsHeld = ready is not null && ready.Value.Copy.Id == copy.Id;
            book.LendCopy(copy, loan.Id, now, heldForBorrower: scannedIsHeld);
            if (ready is { } held)
            {
                held.Hold.Fulfil(loan.Id, now);
                if (!scannedIsHeld)
                {
                    await holdShelf.PassOnAsync(db, book, held.Copy, now, ct);
                }
            }

            loan.RecordCopies([new LoanedCopy(copy.Id, copy.Barcode)]);
            db.Loans.Add(loan);
            return new CopyLoanResult(LoanDto.From(loan), copy.Barcode, book.Id, book.Title);
        }, cancellationToken);
    }

    /// <summary>Checks in the one copy scanned at the desk or kiosk, whoever's loan it is on; a late return is charged as any other.</summary>
    public async Task<CopyReturnResult> ReturnCopyAsync(string barcode, CancellationToken cancellationToken)
    {
        using var _ = await throttle.EnterAsync("desk", cancellationToken);
        return await writer.ExecuteAsync(async (db, ct) =>
        {
            var now = clock.GetUtcNow();
            var copy = await db.Copies.SingleOrDefaultAsync(c => c.Barcode == barcode, ct) ?? throw new NotFoundException("Copy", barcode);
            if (new CopyMustBeOnLoanRule(copy.Barcode, copy.Status) is { } onLoan && onLoan.IsBroken())
            {
                throw new BusinessRuleViolationException(onLoan);
            }

            var loan = await db.Loans.Include(l => l.Items).SingleAsync(l => l.Id == copy.LoanId, ct);
            var book = await db.Books.SingleAsync(b => b.Id == copy.BookId, ct);
            var loanReturn = loan.ReturnCopy(copy.Id, now, calendar);
            book.TakeBack([copy], now);
            var held = await holdShelf.OfferAsync(db, book, [copy], now, ct);
            return new CopyReturnResult(
                LoanDto.From(loan), loanReturn.Id, loanReturn.DaysOverdue, loan.PatronId, book.Id, book.Title, copy.Barcode,
                HeldFor: held.Count > 0 ? held[0].PatronId : null);
        }, cancellationToken);
    }

    /// <summary>Copies of any title the patron has out right now (the loan limit counts these).</summary>
    public static Task<int> CopiesOnLoanAsync(LibraryDbContext db, string patronId, CancellationToken ct) =>
        db.Loans.Where(l => l.PatronId == patronId && l.Status == LoanStatus.Active)
            .SumAsync(l => l.Quantity - l.QuantityReturned - l.QuantityLost, ct);
}
