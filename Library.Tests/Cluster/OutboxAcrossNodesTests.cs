using System.Diagnostics;
using Library.Domain.Lending.Events;
using Library.Tests.TestSupport;
using Library.Web.Infrastructure.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;

namespace Library.Tests.Cluster;

/// <summary>
/// Two nodes' outbox dispatchers on one PostgreSQL database: they split the outbox between them (each claims with
/// FOR UPDATE SKIP LOCKED), every handler applies every event once, and what a dead node had claimed is delivered by the other.
/// Dispatch is driven by the test (Outbox:DispatchEnabled=false stops only the background loop) so that each node's share is known.
/// </summary>
[Trait(TestStore.Trait, TestStore.PostgreSqlOnly)]
public sealed class OutboxAcrossNodesTests(ITestOutputHelper output)
{
    private const int Events = 3_000;
    private const int Patrons = 300;
    private const string DashboardHandler = "dashboard.projection";

    [Fact]
    public async Task Two_dispatchers_deliver_3000_events_between_them_each_applied_once()
    {
        await using var nodes = await NamedClusterNodes.StartAsync(app => app.With("Outbox:DispatchEnabled", "false"));
        var bookId = await nodes.A.WithDbAsync(db => db.Books.Select(b => b.Id).FirstAsync());
        var patronIds = await AddBorrowEventsAsync(nodes.A, bookId, Events);

        var stopwatch = Stopwatch.StartNew();
        var (deliveredByA, deliveredByB) = await DispatchOnBothAsync(nodes);
        stopwatch.Stop();
        var retried = await nodes.A.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Attempts > 1));
        output.WriteLine($"{Events} events: node A delivered {deliveredByA}, node B {deliveredByB}, in {stopwatch.ElapsedMilliseconds} ms; {retried} delivered on a retry");

        Assert.Equal(Events, deliveredByA + deliveredByB);
        Assert.True(deliveredByA > 0 && deliveredByB > 0, $"both nodes deliver (A {deliveredByA}, B {deliveredByB})");
        var (pending, applied, onLoan, activities) = await nodes.B.WithDbAsync(async db => (
            await db.OutboxMessages.CountAsync(m => m.ProcessedAt == null),
            await db.ProcessedEvents.CountAsync(p => p.Handler == DashboardHandler),
            await db.PatronDashboards.Where(d => patronIds.Contains(d.PatronId)).SumAsync(d => d.BooksOnLoan),
            await db.ActivityEntries.CountAsync(a => patronIds.Contains(a.PatronId))));
        Assert.Equal(0, pending);
        Assert.Equal(Events, applied);
        Assert.Equal(Events, onLoan);
        Assert.Equal(Events, activities);
    }

    [Fact]
    public async Task Messages_a_dead_node_had_claimed_are_delivered_by_the_other_node()
    {
        await using var nodes = await NamedClusterNodes.StartAsync(app => app.With("Outbox:DispatchEnabled", "false"));
        var bookId = await nodes.A.WithDbAsync(db => db.Books.Select(b => b.Id).FirstAsync());
        var patronIds = await AddBorrowEventsAsync(nodes.A, bookId, 100);

        // "Node A" claims 40 messages the way its dispatcher does, in a transaction it never commits...
        var dead = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(nodes.A.PostgreSqlConnectionString) { Pooling = false }.ConnectionString);
        await dead.OpenAsync();
        var transaction = await dead.BeginTransactionAsync();
        await using (var claim = new NpgsqlCommand(
                         """SELECT "Id" FROM "OutboxMessages" WHERE "ProcessedAt" IS NULL ORDER BY "OccurredAt" LIMIT 40 FOR UPDATE SKIP LOCKED""",
                         dead, transaction))
        {
            await claim.ExecuteNonQueryAsync();
        }

        // ...so node B delivers everything else and leaves those alone.
        var dispatcherB = nodes.B.Services.GetRequiredService<OutboxDispatcher>();
        Assert.Equal(60, await dispatcherB.DispatchPendingAsync(CancellationToken.None));
        Assert.Equal(40, await dispatcherB.PendingCountAsync(CancellationToken.None));

        // Node A dies: its connection goes, PostgreSQL rolls its transaction back and unlocks the rows; B's next pass takes them.
        await using (var kill = new NpgsqlConnection(nodes.A.PostgreSqlConnectionString))
        {
            await kill.OpenAsync();
            await using var terminate = new NpgsqlCommand("SELECT pg_terminate_backend(@pid)", kill);
            terminate.Parameters.AddWithValue("pid", dead.ProcessID);
            await terminate.ExecuteNonQueryAsync();
        }

        Assert.Equal(40, await dispatcherB.DispatchPendingAsync(CancellationToken.None));
        var onLoan = await nodes.B.WithDbAsync(db => db.PatronDashboards.Where(d => patronIds.Contains(d.PatronId)).SumAsync(d => d.BooksOnLoan));
        Assert.Equal(100, onLoan);
        try
        {
            await dead.DisposeAsync();
        }
        catch (NpgsqlException)
        {
            // Its server process is gone.
        }
    }

    /// <summary>Borrow events as a burst of lending would leave them: committed, not yet delivered (patrons of their own, no loans needed).</summary>
    private static async Task<List<string>> AddBorrowEventsAsync(LibraryApp app, int bookId, int count)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var patronIds = Enumerable.Range(0, Patrons).Select(i => $"cluster-{run}-{i}").ToList();
        var start = app.Clock.GetUtcNow();
        await app.WithDbAsync(async db =>
        {
            for (var i = 0; i < count; i++)
            {
                var at = start.AddMilliseconds(i);
                db.OutboxMessages.Add(EventTypeRegistry.ToOutboxMessage(new BookBorrowed(
                    Guid.CreateVersion7(at), at, Guid.CreateVersion7(at), patronIds[i % Patrons], bookId, 1, at.AddDays(14))));
            }

            return await db.SaveChangesAsync();
        });
        return patronIds;
    }

    /// <summary>Both nodes dispatch at the same moment, each until it finds nothing due (failed deliveries are retried).</summary>
    private static async Task<(int A, int B)> DispatchOnBothAsync(NamedClusterNodes nodes)
    {
        var dispatcherA = nodes.A.Services.GetRequiredService<OutboxDispatcher>();
        var dispatcherB = nodes.B.Services.GetRequiredService<OutboxDispatcher>();
        int a = 0, b = 0;
        for (var round = 0; round < 20 && await dispatcherA.PendingCountAsync(CancellationToken.None) > 0; round++)
        {
            if (round > 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(1)); // a delivery that failed (e.g. a deadlock) is due again after a second
            }

            using var go = new SemaphoreSlim(0);
            var onA = Task.Run(async () => { await go.WaitAsync(); return await dispatcherA.DispatchPendingAsync(CancellationToken.None); });
            var onB = Task.Run(async () => { await go.WaitAsync(); return await dispatcherB.DispatchPendingAsync(CancellationToken.None); });
            go.Release(2);
            a += await onA;
            b += await onB;
        }

        return (a, b);
    }
}
