using Library.Domain.Lending;
using Library.Web.Infrastructure.Jobs;
using Library.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Library.Web.Features.Lending;

/// <param name="Checked">Loans found past their due date and not yet flagged.</param>
/// <param name="Flagged">Loans this run flagged (each raised BookExpired once).</param>
public sealed record OverdueSweepResult(int Checked, int Flagged, int Batches);

/// <summary>
/// Flags every active loan that is past its due date and not flagged yet, in batches of one transaction each,
/// so the write lock is never held for long. Flagging raises BookExpired (dashboard, notices) through the outbox.
/// It charges nothing: a fee exists only after a return. Safe to run again, or on two instances: a flagged loan
/// is never selected again, and each batch reads and writes inside one write transaction.
/// </summary>
internal sealed class OverdueSweep(DbWriter writer, TimeProvider clock, LibraryCalendar calendar, IOptions<JobsOptions> options)
{
    public async Task<OverdueSweepResult> RunAsync(CancellationToken cancellationToken)
    {
        var batchSize = Math.Max(1, options.Value.BatchSize);
        var now = clock.GetUtcNow();
        // Overdue = at least one whole library day past the due day (OverdueDays), i.e. due before today's local midnight.
        var startOfToday = calendar.StartOfDayOf(now);
        int found = 0, flagged = 0, batches = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var (inBatch, flaggedInBatch) = await writer.ExecuteAsync(async (db, ct) =>
            {
                var loans = await db.Loans
                    .Where(l => l.Status == LoanStatus.Active && l.OverdueFlaggedAt == null && l.DueAt < startOfToday)
                    .OrderBy(l => l.DueAt)
                    .Take(batchSize)
                    .ToListAsync(ct);
                return (loans.Count, loans.Count(l => l.FlagOverdue(now)));
            }, cancellationToken);

            batches++;
            found += inBatch;
            flagged += flaggedInBatch;
            if (inBatch < batchSize || flaggedInBatch == 0)
            {
                break;
            }
        }

        return new OverdueSweepResult(found, flagged, batches);
    }
}
