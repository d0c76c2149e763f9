using System.Collections.Concurrent;
using Library.Web.Infrastructure.Cluster;
using Library.Web.Infrastructure.Live;
using Library.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Library.Web.Infrastructure.Jobs;

/// <summary>Tells open Jobs pages that a job started or finished (key: job name, message: job name).</summary>
public sealed class JobMonitor(ILogger<JobMonitor> logger) : KeyedNotifier<string, string>(logger)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _running = new();

    /// <summary>
    /// When the run in progress in this process started, or null when the job is idle here. With several nodes the Jobs page
    /// asks the clustered scheduler what runs anywhere (<see cref="JobsAdmin"/>); this says only what runs on this node.
    /// </summary>
    public DateTimeOffset? RunningSince(string jobName) => _running.TryGetValue(jobName, out var since) ? since : null;

    internal Task StartedAsync(string jobName, DateTimeOffset at)
    {
        _running[jobName] = at;
        return PublishAsync(jobName, jobName);
    }

    internal Task FinishedAsync(string jobName)
    {
        _running.TryRemove(jobName, out _);
        return PublishAsync(jobName, jobName);
    }
}

/// <summary>Writes job runs with the name of the node that ran them (keeping the newest <see cref="JobsOptions.HistoryPerJob"/> per job) and tells the monitor.</summary>
internal sealed class JobRunRecorder(
    DbWriter writer, JobMonitor monitor, NodeName node, IOptions<JobsOptions> options, ILogger<JobRunRecorder> logger)
{
    public Task StartedAsync(string jobName, DateTimeOffset at) => monitor.StartedAsync(jobName, at);

    public async Task FinishedAsync(JobRun run)
    {
        run.Node = node.Value;
        try
        {
            var keep = Math.Max(1, options.Value.HistoryPerJob);
            await writer.ExecuteAsync(async (db, ct) =>
            {
                db.JobRuns.Add(run);
                await db.SaveChangesAsync(ct);
                var oldestKept = await db.JobRuns
                    .Where(r => r.JobKey == run.JobKey)
                    .OrderByDescending(r => r.StartedAt)
                    .Skip(keep - 1)
                    .Select(r => (DateTimeOffset?)r.StartedAt)
                    .FirstOrDefaultAsync(ct);
                if (oldestKept is { } cutoff)
                {
                    await db.JobRuns.Where(r => r.JobKey == run.JobKey && r.StartedAt < cutoff).ExecuteDeleteAsync(ct);
                }

                return 0;
            }, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The job's own work is done (or failed) either way; a missing history row must not change that.
            logger.LogWarning(ex, "Could not record run of job {Job}", run.JobKey);
        }
        finally
        {
            await monitor.FinishedAsync(run.JobKey);
        }
    }
}
