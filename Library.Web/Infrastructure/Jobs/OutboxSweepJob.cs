using Library.Web.Infrastructure.Messaging;
using Microsoft.Extensions.Options;
using Quartz;

namespace Library.Web.Infrastructure.Jobs;

/// <summary>Delivers outbox messages the live dispatcher left behind (a crash between commit and dispatch, or a retry that is due).</summary>
[DisallowConcurrentExecution]
internal sealed class OutboxSweepJob(OutboxDispatcher dispatcher, IOptions<OutboxOptions> options, ILogger<OutboxSweepJob> logger) : IJob
{
    public static readonly JobKey Key = new("outbox-sweep", "library");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (!options.Value.DispatchEnabled)
        {
            return;
        }

        var delivered = await dispatcher.DispatchPendingAsync(cancellationToken);
        if (delivered > 0)
        {
            logger.LogInformation("Outbox sweep delivered {Count} messages", delivered);
        }

        context.Result = delivered;
    }
}
