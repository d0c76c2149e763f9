using System.Data.Common;
using Library.Tests.TestSupport;
using Library.Web.Infrastructure.Messaging;
using Library.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Library.Tests.Integration;

/// <summary>
/// DbWriter commits many callers' writes in one transaction. Each caller must still see the outcome of its own write
/// only: one that fails leaves nothing behind and does not take its neighbours down with it.
/// </summary>
public sealed class GroupCommitTests
{
    [Fact]
    public async Task Writes_queued_together_commit_together_and_a_failing_one_leaves_no_trace_while_its_neighbours_commit()
    {
        await using var app = new CommitCountingApp();
        await app.InitializeAsync();
        var writer = app.Services.GetRequiredService<DbWriter>();
        var gate = app.Services.GetRequiredService<IWriteGate>();
        var keys = Enumerable.Range(0, 30).Select(_ => Guid.NewGuid()).ToArray();

        // Hold the write gate so the writes pile up in the queue, as they do under load.
        Task<int>[] writes;
        var commitsBefore = app.Commits.Count;
        using (await gate.EnterAsync(CancellationToken.None))
        {
            writes = keys.Select((key, i) => writer.ExecuteAsync(async (db, ct) =>
            {
                await AddRowAsync(db, key);
                await db.SaveChangesAsync(ct); // the row is in the transaction before the work fails
                return i % 3 == 1 ? throw new InvalidOperationException($"write {i} refused") : i;
            }, CancellationToken.None)).ToArray();
            await Task.Delay(200);
        }

        for (var i = 0; i < keys.Length; i++)
        {
            if (i % 3 == 1)
            {
                var error = await Assert.ThrowsAsync<InvalidOperationException>(() => writes[i]);
                Assert.Equal($"write {i} refused", error.Message);
            }
            else
            {
                Assert.Equal(i, await writes[i]);
            }
        }

        var stored = await app.WithDbAsync(db => db.ProcessedEvents.Where(p => p.Handler == "group-commit-test").Select(p => p.EventId).ToListAsync());
        Assert.Equal(keys.Where((_, i) => i % 3 != 1).OrderBy(k => k), stored.OrderBy(k => k));
        var commits = app.Commits.Count - commitsBefore;
        Assert.InRange(commits, 1, 5); // 30 writes, a handful of transactions (the first may go alone, the dispatcher may commit too)
    }

    [Fact]
    public async Task A_write_that_violates_a_constraint_fails_for_its_caller_only()
    {
        await using var app = new LibraryApp();
        await app.InitializeAsync();
        var writer = app.Services.GetRequiredService<DbWriter>();
        var gate = app.Services.GetRequiredService<IWriteGate>();
        var taken = Guid.NewGuid();
        var other = Guid.NewGuid();

        Task<int> first, duplicate, third;
        using (await gate.EnterAsync(CancellationToken.None))
        {
            first = writer.ExecuteAsync((db, _) => AddRowAsync(db, taken), CancellationToken.None);
            duplicate = writer.ExecuteAsync((db, _) => AddRowAsync(db, taken), CancellationToken.None);
            third = writer.ExecuteAsync((db, _) => AddRowAsync(db, other), CancellationToken.None);
            await Task.Delay(200);
        }

        Assert.Equal(1, await first);
        await Assert.ThrowsAsync<DbUpdateException>(() => duplicate);
        Assert.Equal(1, await third);
        var stored = await app.WithDbAsync(db => db.ProcessedEvents.CountAsync(p => p.Handler == "group-commit-test"));
        Assert.Equal(2, stored);
    }

    [Fact]
    public async Task A_write_cancelled_while_it_waits_is_answered_as_cancelled_and_never_runs()
    {
        await using var app = new LibraryApp();
        await app.InitializeAsync();
        var writer = app.Services.GetRequiredService<DbWriter>();
        var gate = app.Services.GetRequiredService<IWriteGate>();
        using var cancel = new CancellationTokenSource();
        var ran = false;

        Task<int> blocked, waiting;
        using (await gate.EnterAsync(CancellationToken.None))
        {
            blocked = writer.ExecuteAsync((_, _) => Task.FromResult(1), CancellationToken.None);
            await Task.Delay(100); // the loop has taken the first write and waits for the gate
            waiting = writer.ExecuteAsync((_, _) =>
            {
                ran = true;
                return Task.FromResult(2);
            }, cancel.Token);
            await cancel.CancelAsync();
        }

        Assert.Equal(1, await blocked);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.False(ran);
    }

    /// <summary>A row of a simple table, keyed by <paramref name="key"/>, marked as this test's.</summary>
    private static Task<int> AddRowAsync(LibraryDbContext db, Guid key)
    {
        db.ProcessedEvents.Add(new ProcessedEvent { EventId = key, Handler = "group-commit-test", ProcessedAt = DateTimeOffset.UtcNow });
        return Task.FromResult(1);
    }

    private sealed class CommitCountingApp : LibraryApp
    {
        public CommitCounter Commits { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.AddSingleton<IInterceptor>(Commits));
        }
    }

    private sealed class CommitCounter : DbTransactionInterceptor
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return Task.CompletedTask;
        }

        public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Interlocked.Increment(ref _count);
    }
}
