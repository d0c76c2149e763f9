using Library.Domain.Lending;
using Microsoft.EntityFrameworkCore;

namespace Library.Web.Infrastructure.Persistence.Backfill;

/// <summary>
/// Gives every loan closed before <see cref="Loan.ClosedAt"/> existed its closing moment: its last return, or the moment its
/// last copy was declared lost, whichever is later (decision 120). Commits per 500 loans; does nothing once all have one.
/// </summary>
internal sealed class LoanClosedAtBackfill(IDbContextFactory<LibraryDbContext> dbFactory)
{
    private const int BatchSize = 500;

    public async Task RunAsync(CancellationToken ct)
    {
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var loans = await db.Loans
                .Where(l => l.Status == LoanStatus.Returned && l.ClosedAt == null)
                .OrderBy(l => l.Id)
                .Take(BatchSize)
                .Include(l => l.Returns)
                .Include(l => l.Items)
                .AsSplitQuery()
                .ToListAsync(ct);
            if (loans.Count == 0)
            {
                return;
            }

            foreach (var loan in loans)
            {
                var moments = loan.Returns.Select(r => r.ReturnedAt)
                    .Concat(loan.Items.Where(i => i.LostAt is not null).Select(i => i.LostAt!.Value))
                    .ToList();
                // A closed loan always has a return or a loss; the borrow moment only guards against a hand-edited row.
                db.Entry(loan).Property(l => l.ClosedAt).CurrentValue = moments.Count > 0 ? moments.Max() : loan.BorrowedAt;
            }

            await db.SaveChangesAsync(ct);
        }
    }
}
