using Library.Web.Features.Lending;
using Library.Web.Infrastructure.Messaging;
using Quartz;

namespace Library.Web.Infrastructure.Jobs;

/// <summary>A job the app schedules: its key, type and cron, and whether it catches up once after start.</summary>
internal sealed record ScheduledJob(JobKey Key, Type JobType, string Cron, bool CatchUpOnStartup);

/// <summary>The app's jobs and how their triggers are built (shared by the registration and the tests).</summary>
internal static class JobSchedule
{
    public const string Group = "library";

    public static IReadOnlyList<ScheduledJob> Catalog(JobsOptions jobs, OutboxOptions outbox) =>
    [
        new(OverdueSweepJob.Key, typeof(OverdueSweepJob), jobs.OverdueSweepCron, CatchUpOnStartup: true),
        // Both work from the database (due today / due within N days and not reminded), so a catch-up run after start is safe.
        new(DueSoonRemindersJob.Key, typeof(DueSoonRemindersJob), jobs.DueSoonRemindersCron, CatchUpOnStartup: true),
        new(AutoRenewJob.Key, typeof(AutoRenewJob), jobs.AutoRenewCron, CatchUpOnStartup: true),
        new(LateFeeReconciliationJob.Key, typeof(LateFeeReconciliationJob), jobs.FeeReconciliationCron, CatchUpOnStartup: true),
        new(Features.Lending.Holds.HoldExpiryJob.Key, typeof(Features.Lending.Holds.HoldExpiryJob), jobs.HoldExpiryCron, CatchUpOnStartup: true),
        // The outbox dispatcher already makes a pass at start-up, so its sweep needs no catch-up trigger.
        new(OutboxSweepJob.Key, typeof(OutboxSweepJob), outbox.SweepCron, CatchUpOnStartup: false),
    ];

    public static TriggerKey ScheduleTriggerKey(JobKey job) => new($"{job.Name}-schedule", job.Group);

    public static TriggerKey StartupTriggerKey(JobKey job) => new($"{job.Name}-startup", job.Group);

    /// <summary>
    /// The cron trigger of a job. A firing later than <paramref name="misfireThreshold"/> is a misfire, and a misfired
    /// trigger fires once now and then proceeds with the schedule: several missed slots make one catch-up run.
    /// </summary>
    public static ITriggerConfigurator<T> Cron<T>(ITriggerConfigurator<T> trigger, JobKey job, string cron, TimeSpan misfireThreshold)
        where T : IJob =>
        trigger.ForJob(job)
            .WithIdentity(ScheduleTriggerKey(job))
            .WithDescription(cron)
            .WithMisfireThreshold(misfireThreshold)
            .WithCronSchedule(cron, c => c.WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed));

    /// <summary>One run shortly after start: catches up with whatever the app missed while it was down.</summary>
    public static ITriggerConfigurator<T> Startup<T>(ITriggerConfigurator<T> trigger, JobKey job, DateTimeOffset at)
        where T : IJob =>
        trigger.ForJob(job)
            .WithIdentity(StartupTriggerKey(job))
            .StartAt(at);
}
