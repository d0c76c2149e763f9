using Library.Tests.TestSupport;
using Library.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Library.Tests.Cluster;

/// <summary>
/// Quartz's clustered store on PostgreSQL: two nodes started together declare the same jobs without fighting, every slot of
/// a schedule runs on one node only, each run says which node ran it, and when a node stops the other runs the next slots.
/// The outbox sweep runs every 2 seconds here so that a test sees many slots.
/// </summary>
[Trait(TestStore.Trait, TestStore.PostgreSqlOnly)]
public sealed class QuartzAcrossNodesTests(ITestOutputHelper output)
{
    private const int SlotSeconds = 2;
    private static readonly string Sweep = OutboxSweepJob.Key.Name;

    private static void EveryTwoSeconds(LibraryApp app) => app
        .With("Outbox:SweepCron", $"0/{SlotSeconds} * * * * ?")
        .With("Jobs:CatchUpOnStartup", "false");

    [Fact]
    public async Task Each_slot_runs_on_one_node_only_and_the_run_names_its_node()
    {
        await using var nodes = await NamedClusterNodes.StartAsync(EveryTwoSeconds, together: true);

        var runs = await RunsAsync(nodes.A, atLeast: 10);

        // Never more runs than slots went by: a slot run on both nodes would double the count. (A run that starts late on a
        // loaded machine can land in the next slot's seconds, so two start times may share a slot without a double run.)
        var slots = runs.Select(r => r.StartedAt.ToUnixTimeSeconds() / SlotSeconds).ToList();
        Assert.True(runs.Count <= slots.Max() - slots.Min() + 1, $"{runs.Count} runs in {slots.Max() - slots.Min() + 1} slots");
        Assert.All(runs, r => Assert.Contains(r.Node, new[] { NamedClusterNodes.NodeAName, NamedClusterNodes.NodeBName }));
        output.WriteLine($"{runs.Count} slots: node A ran {runs.Count(r => r.Node == NamedClusterNodes.NodeAName)}, node B {runs.Count(r => r.Node == NamedClusterNodes.NodeBName)}");

        // Both nodes declared the jobs at start-up: one copy of each job and trigger is stored, and both nodes see the same history.
        var triggers = await nodes.A.WithDbAsync(db => db.Database
            .SqlQueryRaw<string>("SELECT trigger_name AS \"Value\" FROM qrtz_triggers WHERE sched_name = 'Library'").ToListAsync());
        Assert.Equal(JobSchedule.Catalog(new JobsOptions(), new()).Select(j => JobSchedule.ScheduleTriggerKey(j.Key).Name).Order(), triggers.Order());
        var seenOnB = await nodes.B.Services.GetRequiredService<JobsAdmin>().RecentRunsAsync(Sweep, 100, CancellationToken.None);
        Assert.Equal(runs.Select(r => (r.StartedAt, r.Node)), seenOnB.Where(r => r.StartedAt <= runs[^1].StartedAt).Select(r => (r.StartedAt, r.Node)).Reverse());

        // "Run now" pressed on node B runs once, on whichever node the cluster gives it to, and says who asked.
        await nodes.B.Services.GetRequiredService<JobsAdmin>().RunNowAsync(Sweep, "librarian@library.local", CancellationToken.None);
        for (var i = 0; i < 60 && await ManualRunsAsync(nodes.A) == 0; i++)
        {
            await Task.Delay(500);
        }

        await Task.Delay(TimeSpan.FromSeconds(SlotSeconds));
        Assert.Equal(1, await ManualRunsAsync(nodes.A));
    }

    private static Task<int> ManualRunsAsync(LibraryApp app) =>
        app.WithDbAsync(db => db.JobRuns.CountAsync(r => r.JobKey == Sweep && r.TriggeredBy == "librarian@library.local"));

    [Fact]
    public async Task When_a_node_stops_the_other_runs_the_next_slots()
    {
        await using var nodes = await NamedClusterNodes.StartAsync(EveryTwoSeconds);
        await RunsAsync(nodes.A, atLeast: 3);

        await nodes.StopBAsync();
        var stoppedAt = nodes.A.Clock.GetUtcNow();
        var after = await RunsAsync(nodes.A, atLeast: 4, since: stoppedAt);

        Assert.All(after, r => Assert.Equal(NamedClusterNodes.NodeAName, r.Node));
        var slots = after.Select(r => r.StartedAt.ToUnixTimeSeconds() / SlotSeconds).ToList();
        // No slot left out: a slot node B had reserved when it stopped runs late on node A (within the misfire threshold,
        // so once per slot, possibly a few at once after the takeover), never not at all.
        Assert.True(after.Count >= slots[^1] - slots[0] + 1, $"slots {string.Join(", ", slots)}: some slot never ran");
        output.WriteLine($"node B stopped; node A's first run {(after[0].StartedAt - stoppedAt).TotalMilliseconds:F0} ms later, then every slot");
    }

    /// <summary>Waits (at most a minute) until the sweep has run <paramref name="atLeast"/> times; the runs, oldest first.</summary>
    private static async Task<List<JobRun>> RunsAsync(LibraryApp app, int atLeast, DateTimeOffset? since = null)
    {
        var from = since ?? DateTimeOffset.MinValue;
        for (var i = 0; i < 120; i++)
        {
            var runs = await app.WithDbAsync(db => db.JobRuns.AsNoTracking()
                .Where(r => r.JobKey == Sweep && r.TriggeredBy == JobTriggers.Schedule && r.StartedAt > from)
                .OrderBy(r => r.StartedAt).ToListAsync());
            if (runs.Count >= atLeast)
            {
                return runs;
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"The outbox sweep did not run {atLeast} times within a minute.");
    }
}
