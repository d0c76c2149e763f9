using Library.Web.Infrastructure.Cluster;
using Library.Web.Infrastructure.Messaging;
using Library.Web.Infrastructure.Persistence;
using Quartz;

namespace Library.Web.Infrastructure.Jobs;

internal static class JobsRegistration
{
    /// <summary>
    /// A single node keeps Quartz's in-memory store: schedules come from configuration and jobs work from what the database
    /// says, so nothing is lost on restart. A node of a cluster (<see cref="ClusterMode"/>) on PostgreSQL uses Quartz's
    /// clustered store in the same database instead (<see cref="UseClusteredStore"/>), so each slot runs once across nodes.
    /// Quartz uses the app's <see cref="TimeProvider"/> from the container (one clock for the whole app; Quartz's
    /// own UseTimeProvider would only replace that same registration). In tests, moving the clock forward is
    /// "time passed while nothing ran": every job misfires, and FireAndProceed turns that into one catch-up run each.
    /// </summary>
    public static WebApplicationBuilder AddJobs(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.Configure<JobsOptions>(configuration.GetSection(JobsOptions.Section));
        var jobs = configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        var outbox = configuration.GetSection(OutboxOptions.Section).Get<OutboxOptions>() ?? new OutboxOptions();
        var catalog = JobSchedule.Catalog(jobs, outbox);
        var node = NodeName.From(configuration);
        var clustered = ClusterMode.IsOn(configuration) && DatabaseProviderSetting.Read(configuration) == DatabaseProvider.PostgreSql;

        services.AddSingleton(node);
        services.AddSingleton(catalog);
        services.AddSingleton<JobMonitor>();
        services.AddSingleton<JobRunRecorder>();
        services.AddSingleton<JobsAdmin>();
        services.AddSingleton<LateFeeReconciliation>();
        services.AddQuartz(q =>
        {
            if (clustered)
            {
                UseClusteredStore(q, configuration.GetConnectionString("Library")!, node, jobs);
            }
            else
            {
                q.UseInMemoryStore(o => o.MisfireThreshold = jobs.MisfireThreshold);
            }

            foreach (var job in catalog)
            {
                q.AddJob(job.JobType, j =>
                {
                    j.WithIdentity(job.Key).StoreDurably();
                    if (clustered)
                    {
                        // A node that dies mid-run hands the run to another (the jobs are idempotent: they work from the database).
                        j.RequestRecovery();
                    }
                });
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

    /// <summary>
    /// Quartz's clustered ADO.NET store on the app's PostgreSQL database (the <c>qrtz_*</c> tables come with the migrations),
    /// one scheduler name for the cluster and this node's name as its instance id. Every node declares the same jobs and
    /// triggers at start-up and replaces what is stored under the same keys (Quartz's default, under its row lock), so the
    /// configuration stays the source of truth for schedules and nodes starting together do not fight. A node that stops
    /// checking in (<see cref="JobsOptions.ClusterCheckinInterval"/> + <see cref="JobsOptions.ClusterCheckinMisfireThreshold"/>)
    /// is considered dead and another node recovers its triggers and the runs it had in progress.
    /// </summary>
    private static void UseClusteredStore(IQuartzBuilder q, string connectionString, NodeName node, JobsOptions jobs)
    {
        q.ConfigureScheduler(o =>
        {
            o.InstanceName = "Library";
            o.InstanceId = node.Value;
        });
        q.UsePersistentStore(s =>
        {
            s.UsePostgres(connectionString);
            s.UseClustering(c =>
            {
                c.CheckinInterval = jobs.ClusterCheckinInterval;
                c.CheckinMisfireThreshold = jobs.ClusterCheckinMisfireThreshold;
            });
            s.UseSystemTextJsonSerializer();
            s.ConfigureStore(o => o.MisfireThreshold = jobs.MisfireThreshold);
        });
    }
}
