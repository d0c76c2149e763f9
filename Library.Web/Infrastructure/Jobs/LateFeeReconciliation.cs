using Library.Domain.Fines;
using Library.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Library.Web.Infrastructure.Jobs;

/// <param name="Uncharged">Late returns found without a fee (older than the grace period).</param>
/// <param name="Charged">Fees this run created.</param>
/// <param name="AlreadyCharged">Returns someone else charged between the look-up and the insert (unique ReturnId).</param>
public sealed record ReconciliationResult(int Uncharged, int Charged, int AlreadyCharged);

/// <summary>
/// Safety net for "no late return ever goes uncharged": finds late returns that have no fee (the process died
/// between the return and the fee, or the fee event was parked) and charges each exactly once with the tier for
/// its days overdue, through <see cref="Fee.ChargeForReturn"/> so LateFeeCharged reaches dashboards and notices.
/// It reads Lending's returns and Fines' fees, so it lives here as composition, not in either module.
/// Exactly once is enforced by the unique index on Fees.ReturnId, not by locks: a second run, a second instance
/// or the Fines handler racing with it fails the insert, which is counted as "already charged".
/// </summary>
internal sealed class LateFeeReconciliation(
    IDbContextFactory<LibraryDbContext> dbFactory,
    DbWriter writer,
    IDbErrors dbErrors,
    LateFeePolicy policy,
    TimeProvider clock,
    IOptions<JobsOptions> options,
    ILogger<LateFeeReconciliation> logger)
{
    private sealed record Candidate(Guid ReturnId, Guid LoanId, string PatronId, int BookId, int DaysOverdue);

    public async Task<ReconciliationResult> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var settledBefore = now - options.Value.ReconciliationGrace;
        var firstChargeableDay = policy.Tiers.Where(t => t.Amount > 0).Select(t => t.MinDaysOverdue).DefaultIfEmpty(int.MaxValue).Min();
        var batchSize = Math.Max(1, options.Value.BatchSize);
        int uncharged = 0, charged = 0, alreadyCharged = 0;
        var seen = new HashSet<Guid>();
        while (!cancellationToken.IsCancellationRequested)
        {
            List<Candidate> batch;
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                batch = await (
                        from r in db.LoanReturns
                        where r.DaysOverdue >= firstChargeableDay && r.ReturnedAt <= settledBefore
                              && !db.Fees.Any(f => f.ReturnId == r.Id)
                        join l in db.Loans on r.LoanId equals l.Id
                        orderby r.ReturnedAt
                        select new Candidate(r.Id, r.LoanId, l.PatronId, l.BookId, r.DaysOverdue))
                    .Take(batchSize)
                    .ToListAsync(cancellationToken);
            }

            batch = batch.Where(c => seen.Add(c.ReturnId)).ToList();
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var candidate in batch)
            {
                uncharged++;
                switch (await ChargeAsync(candidate, cancellationToken))
                {
                    case true:
                        charged++;
                        break;
                    case false:
                        alreadyCharged++;
                        break;
                }
            }
        }

        return new ReconciliationResult(uncharged, charged, alreadyCharged);
    }

    /// <returns>True when charged now, false when the return was charged already, null when it costs nothing.</returns>
    private async Task<bool?> ChargeAsync(Candidate c, CancellationToken cancellationToken)
    {
        try
        {
            return await writer.ExecuteAsync((db, _) =>
            {
                var fee = Fee.ChargeForReturn(c.ReturnId, c.LoanId, c.PatronId, c.BookId, c.DaysOverdue, policy, clock.GetUtcNow());
                if (fee is null)
                {
                    return Task.FromResult<bool?>(null);
                }

                db.Fees.Add(fee);
                logger.LogWarning("Late return {ReturnId} ({DaysOverdue} days) had no fee; charged {Amount}", c.ReturnId, c.DaysOverdue, fee.Amount);
                return Task.FromResult<bool?>(true);
            }, cancellationToken);
        }
        catch (DbUpdateException ex) when (dbErrors.IsUniqueViolation(ex, "Fees.ReturnId"))
        {
            return false;
        }
    }
}
