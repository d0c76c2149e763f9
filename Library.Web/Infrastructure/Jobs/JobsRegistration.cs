using Library.Web.Infrastructure.Messaging;
using Quartz;

namespace Library.Web.Infrastructure.Jobs;

internal static class JobsRegistration
{
    /// <summary>
    /// In-memory Quartz store: schedules come from configuration and jobs work from what the database says,
    /// so nothing is lost on restart. Clustering needs a persistent store on a server database (later).
    /// </summary>
    public static WebApplicationBuilder AddJobs(this WebApplicationBuilder builder)
    {
        var outbox = builder.Configuration.GetSection(OutboxOptions.Section).Get<OutboxOptions>() ?? new OutboxOptions();
        builder.Services.AddQuartz(q =>
        {
            q.AddJob<OutboxSweepJob>(j => j.WithIdentity(OutboxSweepJob.Key));
            q.AddTrigger(t => t.ForJob(OutboxSweepJob.Key)
                .WithIdentity("outbox-sweep-trigger", "library")
                .WithCronSchedule(outbox.SweepCron, c => c.WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
        });
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return builder;
    }
}
