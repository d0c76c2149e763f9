using Library.Web.Infrastructure.Jobs;
using Quartz;

namespace Library.Web.Features.Lending;

/// <summary>Quartz job around <see cref="OverdueSweep"/> (schedule: Jobs:OverdueSweepCron).</summary>
[DisallowConcurrentExecution]
internal sealed class OverdueSweepJob(OverdueSweep sweep, JobRunRecorder recorder, ILogger<OverdueSweepJob> logger)
    : RecordedJob(recorder, logger)
{
    public static readonly JobKey Key = new("overdue-sweep", JobSchedule.Group);

    protected override async Task<JobCounts> RunAsync(CancellationToken cancellationToken)
    {
        var result = await sweep.RunAsync(cancellationToken);
        return new JobCounts().Add("checked", result.Checked).Add("flagged", result.Flagged);
    }
}
