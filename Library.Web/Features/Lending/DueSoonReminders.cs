using Library.Domain.Lending;
using Library.Web.Infrastructure.Jobs;
using Library.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace Library.Web.Features.Lending;

/// <summary>Due-soon reminders (section "Notices").</summary>
public sealed class DueSoonOptions
{
    public const string Section = "Notices";

    /// <summary>Days before the due day the patron is reminded (0: on the due day itself).</summary>
    public int DueSoonDays { get; set; } = 2;
}

/// <summary>Why a loan will not be renewed automatically although the library auto-renews: the patron turned it off.</summary>
internal static class AutoRenewReasons
{
    public const string OptedOut = "AutoRenewOptedOut";
}

/// <param name="Reminded">Loans this run reminded (each raised LoanDueSoonReminded once for its due date).</param>
public sealed record DueSoonRemindersResult(int Checked, int Reminded, int Batches);

/// <summary>
/// Reminds each patron once per loan and due date, Notices:DueSoonDays days before the due day. It catches up: any active
/// loan due within the next N days and not reminded of its current due date is reminded now (the loan stores the due date it
/// reminded of, so a renewal's new due date gets its own reminder, and a second run sends nothing). With Lending:AutoRenew on,
/// the reminder says whether the loan will be renewed on its due day, or why not.
/// </summary>
internal sealed class DueSoonReminders(
    IDbContextFactory<LibraryDbContext> dbFactory, DbWriter writer, RenewalService renewals, TimeProvider clock, LibraryCalendar calendar,
    IOptions<DueSoonOptions> options, IOptions<LendingOptions> lending, IOptions<JobsOptions> jobs)
{
    public async Task<DueSoonRemindersResult> RunAsync(CancellationToken cancellationToken)
    {
        var days = Math.Max(0, options.Value.DueSoonDays);
        var now = clock.GetUtcNow();
        var until = calendar.EndOf(calendar.DayOf(now).AddDays(days));
        List<Guid> candidates;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            candidates = await db.Loans.AsNoTracking()
                .Where(l => l.Status == LoanStatus.Active && l.DueAt >= now && l.DueAt <= until
                            && (l.RemindedDueAt == null || l.RemindedDueAt != l.DueAt))
                .OrderBy(l => l.DueAt)
                .Select(l => l.Id)
                .ToListAsync(cancellationToken);
        }

        int reminded = 0, batches = 0;
        foreach (var batch in candidates.Chunk(Math.Max(1, jobs.Value.BatchSize)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            reminded += await writer.ExecuteAsync(async (db, ct) =>
            {
                var count = 0;
                var loans = await db.Loans.Where(l => batch.Contains(l.Id)).ToListAsync(ct);
                foreach (var loan in loans)
                {
                    var at = clock.GetUtcNow();
                    if (!loan.NeedsDueSoonReminder(days, calendar, at))
                    {
                        continue;
                    }

                    var reason = lending.Value.AutoRenew ? await NotAutoRenewableBecauseAsync(db, loan, at, ct) : null;
                    count += loan.RemindDueSoon(days, calendar, lending.Value.AutoRenew, reason, at) ? 1 : 0;
                }

                return count;
            }, cancellationToken);
            batches++;
        }

        return new DueSoonRemindersResult(candidates.Count, reminded, batches);
    }

    /// <returns>The rule code saying why the job will not renew the loan on its due day; null when it will.</returns>
    private async Task<string?> NotAutoRenewableBecauseAsync(LibraryDbContext db, Loan loan, DateTimeOffset now, CancellationToken ct)
    {
        var optedOut = await db.Users.AsNoTracking().Where(u => u.Id == loan.PatronId).Select(u => u.AutoRenewOptedOut).SingleOrDefaultAsync(ct);
        if (optedOut)
        {
            return AutoRenewReasons.OptedOut;
        }

        return loan.WhyNotRenewable(renewals.Policy, await renewals.CircumstancesAsync(db, loan, ct), now)?.Code;
    }
}

/// <summary>Quartz job around <see cref="DueSoonReminders"/> (schedule: Jobs:DueSoonRemindersCron).</summary>
[DisallowConcurrentExecution]
internal sealed class DueSoonRemindersJob(DueSoonReminders reminders, JobRunRecorder recorder, ILogger<DueSoonRemindersJob> logger)
    : RecordedJob(recorder, logger)
{
    public static readonly JobKey Key = new("due-soon-reminders", JobSchedule.Group);

    protected override async Task<JobCounts> RunAsync(CancellationToken cancellationToken)
    {
        var result = await reminders.RunAsync(cancellationToken);
        return new JobCounts().Add("checked", result.Checked).Add("reminded", result.Reminded);
    }
}
