using System.Diagnostics;
using Quartz;

namespace Library.Web.Infrastructure.Jobs;

/// <summary>
/// Base of every scheduled job: logs what the run did (counts, duration), records it as a <see cref="JobRun"/>
/// for the Jobs page, and tells live pages that a run started and finished. Subclasses only do the work.
/// Times come from the scheduler's clock, the same one that computes next fire times.
/// </summary>
internal abstract class RecordedJob(JobRunRecorder recorder, ILogger logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var jobName = context.JobDetail.Key.Name;
        var clock = context.Scheduler.TimeProvider;
        var triggeredBy = TriggeredBy(context);
        var startedAt = clock.GetUtcNow();
        var stopwatch = Stopwatch.StartNew();
        await recorder.StartedAsync(jobName, startedAt);
        JobCounts? counts = null;
        Exception? failure = null;
        try
        {
            counts = await RunAsync(cancellationToken);
            context.Result = counts;
            // Runs that changed something (or were asked for) at Information; idle scheduled runs at Debug.
            var level = counts.Items.Any(c => c.Value != 0) || triggeredBy != JobTriggers.Schedule ? LogLevel.Information : LogLevel.Debug;
            logger.Log(level, "Job {Job} ({TriggeredBy}) finished in {DurationMs} ms: {Counts}",
                jobName, triggeredBy, stopwatch.ElapsedMilliseconds, counts);
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
        {
            failure = ex;
            logger.LogWarning("Job {Job} ({TriggeredBy}) was cancelled after {DurationMs} ms (shutting down); the next run picks up the rest",
                jobName, triggeredBy, stopwatch.ElapsedMilliseconds);
        }
        catch (Exception ex)
        {
            failure = ex;
            logger.LogError(ex, "Job {Job} ({TriggeredBy}) failed after {DurationMs} ms", jobName, triggeredBy, stopwatch.ElapsedMilliseconds);
        }

        stopwatch.Stop();
        await recorder.FinishedAsync(new JobRun
        {
            Id = Guid.CreateVersion7(startedAt),
            JobKey = jobName,
            TriggeredBy = triggeredBy,
            StartedAt = startedAt,
            FinishedAt = startedAt + stopwatch.Elapsed,
            DurationMs = stopwatch.ElapsedMilliseconds,
            Succeeded = failure is null,
            Counts = (counts ?? new JobCounts()).ToJson(),
            Error = failure is null ? null : Truncate(failure.GetType().Name + ": " + failure.Message, 4000),
        });

        if (failure is not null)
        {
            // Quartz logs it too; the next scheduled slot runs as usual (no immediate refire loop).
            throw new JobExecutionException(failure) { RefireImmediately = false };
        }
    }

    /// <summary>Does the job's work and says what it did.</summary>
    protected abstract Task<JobCounts> RunAsync(CancellationToken cancellationToken);

    internal static string TriggeredBy(IJobExecutionContext context)
    {
        var trigger = context.Trigger.Key;
        if (trigger.Equals(JobSchedule.ScheduleTriggerKey(context.JobDetail.Key)))
        {
            return JobTriggers.Schedule;
        }

        if (trigger.Equals(JobSchedule.StartupTriggerKey(context.JobDetail.Key)))
        {
            return JobTriggers.Startup;
        }

        return context.MergedJobDataMap.TryGetValue(JobTriggers.RequestedByKey, out var who) && who is string { Length: > 0 } name
            ? name
            : JobTriggers.Manual;
    }

    private static string Truncate(string text, int max) => text.Length > max ? text[..max] : text;
}
