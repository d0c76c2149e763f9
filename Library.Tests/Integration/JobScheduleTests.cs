using Library.Tests.TestSupport;
using Library.Web.Features.Lending;
using Library.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;

namespace Library.Tests.Integration;

/// <summary>The jobs are registered from configuration, catch up once after a stall, and can be run on demand.</summary>
public sealed class JobScheduleTests
{
    [Fact]
    public async Task Jobs_are_scheduled_from_configuration_with_one_catch_up_run_on_misfire()
    {
        await using var app = new LibraryApp()
            .With("Jobs:OverdueSweepCron", "0 5 * * * ?")
            .With("Jobs:FeeReconciliationCron", "0 35 * * * ?");
        await app.InitializeAsync();
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        var expected = new Dictionary<JobKey, string>
        {
            [OverdueSweepJob.Key] = "0 5 * * * ?",
            [LateFeeReconciliationJob.Key] = "0 35 * * * ?",
            [OutboxSweepJob.Key] = "0/30 * * * * ?",
        };
        foreach (var (job, cron) in expected)
        {
            var trigger = Assert.IsAssignableFrom<ICronTrigger>(await scheduler.GetTrigger(JobSchedule.ScheduleTriggerKey(job)));
            Assert.Equal(cron, trigger.CronExpressionString);
            Assert.Equal(CronTriggerMisfireInstruction.FireAndProceed, trigger.MisfireInstruction);
            Assert.True((await scheduler.GetJobDetail(job))!.ConcurrentExecutionDisallowed);
        }

        // Catching up after downtime: the in-memory store starts afresh, so each catching-up job runs once after start.
        Assert.NotNull(await scheduler.GetTrigger(JobSchedule.StartupTriggerKey(OverdueSweepJob.Key)));
        Assert.NotNull(await scheduler.GetTrigger(JobSchedule.StartupTriggerKey(LateFeeReconciliationJob.Key)));
    }

    [Fact]
    public async Task Scheduler_stopped_across_several_slots_makes_one_catch_up_run()
    {
        await using var app = new LibraryApp().With("Jobs:CatchUpOnStartup", "false");
        await app.InitializeAsync();
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var sweepTrigger = JobSchedule.ScheduleTriggerKey(OverdueSweepJob.Key);
        var before = await ScheduledSweepRunsAsync(app);

        // The hourly sweep misses five slots while the scheduler stands by (a stalled or suspended process).
        await scheduler.Standby();
        app.Clock.Advance(TimeSpan.FromHours(5));
        await scheduler.Start();

        await Eventually.HoldsAsync(async () => await ScheduledSweepRunsAsync(app) > before, "the catch-up run");
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(before + 1, await ScheduledSweepRunsAsync(app));
        var now = app.Clock.GetUtcNow();
        var next = (await scheduler.GetTrigger(sweepTrigger))!.NextFireTimeUtc!.Value;
        Assert.True(next > now && next <= now.AddHours(1), $"the schedule proceeds from now (next {next:O}, now {now:O})");
        Assert.Equal(0, next.Minute);
    }

    [Fact]
    public async Task Run_now_runs_the_job_once_and_records_who_asked_and_what_it_did()
    {
        // Only the manual run: no scheduled sweep in the background (the clock moves by days below).
        await using var app = new LibraryApp().With("Jobs:CatchUpOnStartup", "false").With("Jobs:OverdueSweepCron", "0 0 0 1 1 ? 2099");
        await app.InitializeAsync();
        using var patron = await app.SignInPatronAsync();
        var book = await patron.FindBookWithCopiesAsync(1);
        await patron.BorrowAsync(book.Id, 1);
        app.Clock.Advance(TimeSpan.FromDays(20));
        var admin = app.Services.GetRequiredService<JobsAdmin>();

        await admin.RunNowAsync(OverdueSweepJob.Key.Name, LibraryApp.LibrarianEmail, CancellationToken.None);

        await Eventually.HoldsAsync(async () => await SweepRunsAsync(app) == 1, "the manual run is recorded");
        var run = (await admin.RecentRunsAsync(OverdueSweepJob.Key.Name, 10, CancellationToken.None)).Single();
        Assert.True(run.Succeeded);
        Assert.Equal(LibraryApp.LibrarianEmail, run.TriggeredBy);
        Assert.Equal(1, run.Counts["flagged"]);
        var status = (await admin.GetJobsAsync(CancellationToken.None)).Single(j => j.Name == OverdueSweepJob.Key.Name);
        Assert.Equal(run.StartedAt, status.LastRun?.StartedAt);
        Assert.Equal(run.TriggeredBy, status.LastRun?.TriggeredBy);
        Assert.True(status.NextRunAt > app.Clock.GetUtcNow());
        Assert.Null(status.RunningSince);
    }

    private static Task<int> ScheduledSweepRunsAsync(LibraryApp app) =>
        app.WithDbAsync(db => db.JobRuns.CountAsync(r => r.JobKey == OverdueSweepJob.Key.Name && r.TriggeredBy == JobTriggers.Schedule));

    private static Task<int> SweepRunsAsync(LibraryApp app) =>
        app.WithDbAsync(db => db.JobRuns.CountAsync(r => r.JobKey == OverdueSweepJob.Key.Name));
}
