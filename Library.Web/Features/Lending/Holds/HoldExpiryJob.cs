using Library.Web.Infrastructure.Jobs;
using Quartz;

namespace Library.Web.Features.Lending.Holds;

/// <summary>Quartz job around <see cref="HoldExpiry"/> (schedule: Jobs:HoldExpiryCron).</summary>
[DisallowConcurrentExecution]
internal sealed class HoldExpiryJob(HoldExpiry expiry, JobRunRecorder recorder, ILogger<HoldExpiryJob> logger)
    : RecordedJob(recorder, logger)
{
    public static readonly JobKey Key = new("hold-expiry", JobSchedule.Group);

    protected override async Task<JobCounts> RunAsync(CancellationToken cancellationToken)
    {
        var result = await expiry.RunAsync(cancellationToken);
        return new JobCounts().Add("expired", result.Expired).Add("passedOn", result.PassedOn).Add("offered", result.Offered);
    }
}
