using Library.Web.Features.Lending;
using Library.Web.Infrastructure.Messaging;
using Quartz;

namespace Library.Web.Infrastructure.Jobs;

internal static class JobsRegistration
{
    /// <summary>
    /// In-memory Quartz store: schedules come from configuration and jobs work from what the database says,
    /// so nothing is lost on restart. Clustering needs a persistent store on a server database (later).
    /// Quartz runs on the system clock, not on the app's <see cref="TimeProvider"/>: schedules are wall-clock
    /// infrastructure, while the jobs read business time ("now") from the injected TimeProvider. Tests move the
    /// business clock by days without making Quartz believe that every slot in between misfired.
    /// </summary>
    public static WebApplicationBuilder AddJobs(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<JobsOptions>(builder.Configuration.GetSection(JobsOptions.Section));
        var jobs = builder.Configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        var outbox = builder.Configuration.GetSection(OutboxOptions.Section).Get<OutboxOptions>() ?? new OutboxOptions();
        var catalog = JobSchedule.Catalog(jobs, outbox);

        services.AddSingleton(catalog);
        services.AddSingleton<JobMonitor>();
        services.AddSingleton<JobRunRecorder>();
        services.AddSingleton<JobsAdmin>();
        services.AddSingleton<LateFeeReconciliation>();
        services.AddQuartz(q =>
        {
            q.UseTimeProvider(TimeProvider.System);
            q.UseInMemoryStore(o => o.MisfireThreshold = jobs.MisfireThreshold);
            var startAt = TimeProvider.System.GetUtcNow() + jobs.StartupDelay;
            foreach (var job in catalog)
            {
                q.AddJob(job.JobType, j => j.WithIdentity(job.Key).StoreDurably());
                q.AddTrigger(t => JobSchedule.Cron(t, job.Key, job.Cron, jobs.MisfireThreshold));
                if (job.CatchUpOnStartup && jobs.CatchUpOnStartup)
                {
                    q.AddTrigger(t => JobSchedule.Startup(t, job.Key, startAt));
                }
            }
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return builder;
    }
}
