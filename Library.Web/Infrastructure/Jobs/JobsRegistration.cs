using Library.Web.Features.Lending;
using Library.Web.Infrastructure.Messaging;
using Quartz;

namespace Library.Web.Infrastructure.Jobs;

internal static class JobsRegistration
{
    /// <summary>
    /// In-memory Quartz store: schedules come from configuration and jobs work from what the database says,
    /// so nothing is lost on restart. Clustering needs a persistent store on a server database (later).
    /// Quartz uses the app's <see cref="TimeProvider"/> from the container (one clock for the whole app; Quartz's
    /// own UseTimeProvider would only replace that same registration). In tests, moving the clock forward is
    /// "time passed while nothing ran": every job misfires, and FireAndProceed turns that into one catch-up run each.
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
            q.UseInMemoryStore(o => o.MisfireThreshold = jobs.MisfireThreshold);
            foreach (var job in catalog)
            {
                q.AddJob(job.JobType, j => j.WithIdentity(job.Key).StoreDurably());
                q.AddTrigger(t => JobSchedule.Cron(t, job.Key, job.Cron, jobs.MisfireThreshold));
                if (job.CatchUpOnStartup && jobs.CatchUpOnStartup)
                {
                    q.AddTrigger((sp, t) => JobSchedule.Startup(t, job.Key, sp.GetRequiredService<TimeProvider>().GetUtcNow() + jobs.StartupDelay));
                }
            }
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return builder;
    }
}
