using Library.Web.Infrastructure.Messaging;
using Microsoft.Extensions.Options;
using Quartz;

namespace Library.Web.Infrastructure.Jobs;

/// <summary>Delivers outbox messages the live dispatcher left behind (a crash between commit and dispatch, or a retry that is due).</summary>
[DisallowConcurrentExecution]
internal sealed class OutboxSweepJob(
    OutboxDispatcher dispatcher,
    IOptions<OutboxOptions> options,
    JobRunRecorder recorder,
    ILogger<OutboxSweepJob> logger) : RecordedJob(recorder, logger)
{
    public static readonly JobKey Key = new("outbox-sweep", JobSchedule.Group);

    protected override async Task<JobCounts> RunAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.DispatchEnabled)
        {
            return new JobCounts().Add("delivered", 0);
        }

        var delivered = await dispatcher.DispatchPendingAsync(cancellationToken);
        var pending = await dispatcher.PendingCountAsync(cancellationToken);
        return new JobCounts().Add("delivered", delivered).Add("pending", pending);
    }
}
