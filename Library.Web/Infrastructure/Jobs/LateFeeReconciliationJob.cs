using Quartz;

namespace Library.Web.Infrastructure.Jobs;

/// <summary>Quartz job around <see cref="LateFeeReconciliation"/> (schedule: Jobs:FeeReconciliationCron).</summary>
[DisallowConcurrentExecution]
internal sealed class LateFeeReconciliationJob(LateFeeReconciliation reconciliation, JobRunRecorder recorder, ILogger<LateFeeReconciliationJob> logger)
    : RecordedJob(recorder, logger)
{
    public static readonly JobKey Key = new("fee-reconciliation", JobSchedule.Group);

    protected override async Task<JobCounts> RunAsync(CancellationToken cancellationToken)
    {
        var result = await reconciliation.RunAsync(cancellationToken);
        return new JobCounts().Add("uncharged", result.Uncharged).Add("charged", result.Charged).Add("alreadyCharged", result.AlreadyCharged);
    }
}
