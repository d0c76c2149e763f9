using Library.Domain.Fines;
using Library.Domain.Lending;
using Library.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Library.Web.Features.Dashboard;

/// <summary>Recomputes every dashboard row from the lending and fines tables (the source of truth).</summary>
internal sealed class DashboardRebuilder(DbWriter writer, TimeProvider clock)
{
    public Task<IReadOnlyList<PatronDashboard>> ComputeAsync(CancellationToken cancellationToken) =>
        writer.ExecuteAsync((db, ct) => ComputeAsync(db, ct), cancellationToken);

    public Task<int> RebuildAsync(CancellationToken cancellationToken) =>
        writer.ExecuteAsync(async (db, ct) =>
        {
            var rows = await ComputeAsync(db, ct);
            await db.PatronDashboards.ExecuteDeleteAsync(ct);
            db.PatronDashboards.AddRange(rows);
            return rows.Count;
        }, cancellationToken);

    private async Task<IReadOnlyList<PatronDashboard>> ComputeAsync(LibraryDbContext db, CancellationToken ct)
    {
        var loans = await db.Loans.AsNoTracking()
            .Where(l => l.Status == LoanStatus.Active)
            .GroupBy(l => l.PatronId)
            .Select(g => new
            {
                PatronId = g.Key,
                OnLoan = g.Sum(l => l.Quantity - l.QuantityReturned - l.QuantityLost),
                Overdue = g.Count(l => l.OverdueFlaggedAt != null),
            })
            .ToListAsync(ct);
        var fees = await db.Fees.AsNoTracking()
            .Where(f => f.Status == FeeStatus.Outstanding)
            .GroupBy(f => f.PatronId)
            .Select(g => new { PatronId = g.Key, Amount = g.Sum(f => f.Amount) })
            .ToListAsync(ct);
        var holds = await Lending.Holds.HoldService.Open(db).AsNoTracking()
            .GroupBy(h => h.PatronId)
            .Select(g => new
            {
                PatronId = g.Key,
                Waiting = g.Count(h => h.Status == Domain.Lending.Holds.HoldStatus.Waiting),
                Ready = g.Count(h => h.Status == Domain.Lending.Holds.HoldStatus.Ready),
            })
            .ToListAsync(ct);
        var known = await db.PatronDashboards.AsNoTracking().Select(d => d.PatronId).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return known.Union(loans.Select(l => l.PatronId)).Union(fees.Select(f => f.PatronId)).Union(holds.Select(h => h.PatronId))
            .Distinct()
            .Select(id => new PatronDashboard
            {
                PatronId = id,
                BooksOnLoan = loans.FirstOrDefault(l => l.PatronId == id)?.OnLoan ?? 0,
                OverdueLoans = loans.FirstOrDefault(l => l.PatronId == id)?.Overdue ?? 0,
                AccumulatedFees = fees.FirstOrDefault(f => f.PatronId == id)?.Amount ?? 0,
                HoldsWaiting = holds.FirstOrDefault(h => h.PatronId == id)?.Waiting ?? 0,
                HoldsReady = holds.FirstOrDefault(h => h.PatronId == id)?.Ready ?? 0,
                UpdatedAt = now,
            })
            .OrderBy(d => d.PatronId, StringComparer.Ordinal)
            .ToList();
    }
}
