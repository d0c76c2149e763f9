using Library.Web.Infrastructure.Cluster;
using Library.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Library.Web.Infrastructure.Jobs;

/// <summary>One run as the Jobs page shows it.</summary>
public sealed record JobRunView(
    string JobName, string TriggeredBy, DateTimeOffset StartedAt, long DurationMs, bool Succeeded,
    IReadOnlyDictionary<string, int> Counts, string? Error, string Node);

/// <summary>
/// A job with its schedule, its next firing (Quartz), whether it runs now and on which node (any node of a cluster), and its
/// last run.
/// </summary>
public sealed record JobStatus(
    string Name, string Cron, DateTimeOffset? NextRunAt, DateTimeOffset? RunningSince, JobRunView? LastRun, string? RunningOn = null);

/// <summary>What the librarians' Jobs page reads and does: status per job, run history, "Run now".</summary>
internal sealed class JobsAdmin(
    ISchedulerFactory schedulerFactory,
    IReadOnlyList<ScheduledJob> catalog,
    IDbContextFactory<LibraryDbContext> dbFactory,
    JobMonitor monitor,
    NodeName node)
{
    public async Task<IReadOnlyList<JobStatus>> GetJobsAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var running = await RunningElsewhereAsync(scheduler, cancellationToken);
        var result = new List<JobStatus>();
        foreach (var job in catalog)
        {
            var triggers = await scheduler.GetTriggersOfJob(job.Key, cancellationToken);
            var next = triggers.Select(t => t.NextFireTimeUtc).Where(t => t is not null).DefaultIfEmpty().Min();
            var name = job.Key.Name;
            var last = await db.JobRuns.AsNoTracking()
                .Where(r => r.JobKey == name)
                .OrderByDescending(r => r.StartedAt)
                .FirstOrDefaultAsync(cancellationToken);
            // This node's own runs from the monitor (set the moment a run starts); other nodes' from the clustered store.
            var here = monitor.RunningSince(name);
            var elsewhere = here is null ? running.GetValueOrDefault(job.Key) : null;
            result.Add(new JobStatus(
                name, job.Cron, next, here ?? elsewhere?.FireTimeUtc, last is null ? null : ToView(last),
                here is not null ? node.Value : elsewhere?.SchedulerInstanceId));
        }

        return result;
    }

    public async Task<IReadOnlyList<JobRunView>> RecentRunsAsync(string? jobName, int take, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var runs = await db.JobRuns.AsNoTracking()
            .Where(r => jobName == null || r.JobKey == jobName)
            .OrderByDescending(r => r.StartedAt)
            .Take(take)
            .ToListAsync(cancellationToken);
        return runs.Select(ToView).ToList();
    }

    /// <summary>Fires the job once now (after a run in progress, since jobs disallow concurrent execution).</summary>
    public async Task RunNowAsync(string jobName, string requestedBy, CancellationToken cancellationToken)
    {
        var job = catalog.SingleOrDefault(j => j.Key.Name == jobName) ?? throw new NotFoundException("Job", jobName);
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        var data = new JobDataMap { [JobTriggers.RequestedByKey] = requestedBy };
        await scheduler.TriggerJob(job.Key, data, cancellationToken);
    }

    /// <summary>
    /// The runs in progress on OTHER nodes (the clustered store keeps firings in the database; a single node has none).
    /// This node's own runs come from the monitor, which knows the moment a run has finished.
    /// </summary>
    private static async Task<Dictionary<JobKey, FireInstance>> RunningElsewhereAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        var firings = await scheduler.QueryFireInstances(new FireInstanceQuery(), cancellationToken);
        return firings.Items.Where(f => f.JobKey is not null && f.SchedulerInstanceId != scheduler.SchedulerInstanceId)
            .GroupBy(f => f.JobKey!)
            .ToDictionary(g => g.Key, g => g.MinBy(f => f.FireTimeUtc)!);
    }

    private static JobRunView ToView(JobRun run) =>
        new(run.JobKey, run.TriggeredBy, run.StartedAt, run.DurationMs, run.Succeeded, run.CountsMap(), run.Error, run.Node);
}
