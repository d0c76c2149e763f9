using Library.Domain.Lending;
using Library.Web.Infrastructure.Jobs;
using Library.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace Library.Web.Features.Lending;

/// <param name="Checked">Loans due today (or within the overdue grace) whose patron did not opt out.</param>
/// <param name="Renewed">Loans this run renewed (each raised LoanRenewed with Automatic = true).</param>
public sealed record AutoRenewalResult(int Checked, int Renewed, int Batches);

/// <summary>
/// With Lending:AutoRenew on, renews on its due day every loan the renewal rules allow, unless its patron turned
/// auto-renewal off; the patron is told through LoanRenewed (a LoanAutoRenewed notice). Loans the rules refuse stay as they are
/// (their due-soon reminder already said why). Works from the database, in batches of one write transaction each; safe to run
/// again: a renewed loan is due later, so it is not due today any more.
/// </summary>
internal sealed class AutoRenewal(
    IDbContextFactory<LibraryDbContext> dbFactory, DbWriter writer, RenewalService renewals, TimeProvider clock, LibraryCalendar calendar,
    IOptions<LendingOptions> lending, IOptions<JobsOptions> jobs)
{
    public async Task<AutoRenewalResult> RunAsync(CancellationToken cancellationToken)
    {
        if (!lending.Value.AutoRenew)
        {
            return new AutoRenewalResult(0, 0, 0);
        }

        var policy = renewals.Policy;
        var now = clock.GetUtcNow();
        var today = calendar.DayOf(now);
        // On the due day; a loan whose due day passed while the job did not run is still renewed within the overdue grace.
        var earliest = calendar.StartOf(today.AddDays(-policy.OverdueGraceDays));
        var to = calendar.EndOf(today);
        var maxRenewals = policy.MaxRenewals;
        List<Guid> candidates;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            candidates = await (
                    from l in db.Loans.AsNoTracking()
                    join u in db.Users.AsNoTracking() on l.PatronId equals u.Id
                    where l.Status == LoanStatus.Active && l.DueAt >= earliest && l.DueAt <= to && l.Renewals < maxRenewals
                          && !u.AutoRenewOptedOut && !u.IsBlocked
                    orderby l.DueAt
                    select l.Id)
                .ToListAsync(cancellationToken);
        }

        int renewed = 0, batches = 0;
        foreach (var batch in candidates.Chunk(Math.Max(1, jobs.Value.BatchSize)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            renewed += await writer.ExecuteAsync(async (db, ct) =>
            {
                var count = 0;
                var loans = await db.Loans.Where(l => batch.Contains(l.Id)).ToListAsync(ct);
                foreach (var loan in loans)
                {
                    var at = clock.GetUtcNow();
                    // Read again inside the write transaction: the patron may have renewed or returned it meanwhile.
                    if (calendar.DayOf(loan.DueAt) > today)
                    {
                        continue;
                    }

                    var circumstances = await renewals.CircumstancesAsync(db, loan, ct);
                    if (loan.WhyNotRenewable(policy, circumstances, at) is not null)
                    {
                        continue;
                    }

                    loan.Renew(policy, circumstances, automatic: true, at);
                    count++;
                }

                return count;
            }, cancellationToken);
            batches++;
        }

        return new AutoRenewalResult(candidates.Count, renewed, batches);
    }
}

/// <summary>Quartz job around <see cref="AutoRenewal"/> (schedule: Jobs:AutoRenewCron; does nothing unless Lending:AutoRenew).</summary>
[DisallowConcurrentExecution]
internal sealed class AutoRenewJob(AutoRenewal renewal, JobRunRecorder recorder, ILogger<AutoRenewJob> logger) : RecordedJob(recorder, logger)
{
    public static readonly JobKey Key = new("auto-renew", JobSchedule.Group);

    protected override async Task<JobCounts> RunAsync(CancellationToken cancellationToken)
    {
        var result = await renewal.RunAsync(cancellationToken);
        return new JobCounts().Add("checked", result.Checked).Add("renewed", result.Renewed);
    }
}
