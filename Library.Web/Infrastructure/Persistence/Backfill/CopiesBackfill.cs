using Library.Domain.Catalog.Copies;
using Library.Domain.Lending;
using Library.Web.Features.Catalog.Copies;
using Microsoft.EntityFrameworkCore;

namespace Library.Web.Infrastructure.Persistence.Backfill;

/// <summary>
/// Gives every title catalogued before copies had barcodes as many copy records as its total (generated barcodes), the
/// ones its active loans have out marked on loan to them. Runs at every start and does nothing once every title has its
/// copies, so it is safe to run again and after a crash half-way (each batch of titles commits on its own).
/// </summary>
internal sealed class CopiesBackfill(
    IDbContextFactory<LibraryDbContext> dbFactory, CopyBarcodes barcodes, LibraryCalendar calendar, TimeProvider clock,
    ILogger<CopiesBackfill> logger)
{
    private const int TitlesPerBatch = 500;

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var titles = 0;
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var books = await db.Books
                .Where(b => b.TotalCopies > 0 && !db.Copies.Any(c => c.BookId == b.Id))
                .OrderBy(b => b.Id).Take(TitlesPerBatch).ToListAsync(ct);
            if (books.Count == 0)
            {
                break;
            }

            var ids = books.Select(b => b.Id).ToList();
            var loans = await db.Loans.Include(l => l.Items)
                .Where(l => ids.Contains(l.BookId) && l.Status == LoanStatus.Active)
                .OrderBy(l => l.BorrowedAt).ToListAsync(ct);
            var labels = new Queue<string>(await barcodes.NextAsync(db, books.Sum(b => b.TotalCopies), ct));
            var today = calendar.DayOf(clock.GetUtcNow());
            var created = new List<(Loan Loan, IReadOnlyList<Library.Domain.Catalog.Copies.Copy> Copies)>();
            foreach (var book in books)
            {
                var bookLoans = loans.Where(l => l.BookId == book.Id).ToList();
                var copies = book.RecordExistingCopies(
                    Enumerable.Range(0, book.TotalCopies).Select(_ => labels.Dequeue()).ToList(),
                    bookLoans.Select(l => (l.Id, l.QuantityOnLoan)).ToList(),
                    today);
                created.AddRange(bookLoans.Select(l => (l, copies)));
            }

            await db.SaveChangesAsync(ct); // the copies get their ids
            foreach (var (loan, copies) in created)
            {
                loan.RecordOutstandingCopies(copies.Where(c => c.LoanId == loan.Id && c.Status == CopyStatus.OnLoan)
                    .Select(c => new LoanedCopy(c.Id, c.Barcode)).ToList());
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            titles += books.Count;
        }

        if (titles > 0)
        {
            logger.LogInformation("Gave {Titles} titles catalogued before copies had barcodes their copy records", titles);
        }

        return titles;
    }
}
