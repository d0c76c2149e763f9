using Library.Tests.TestSupport;
using Library.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Library.Tests.Cluster;

/// <summary>
/// Two nodes' group-commit writers on one PostgreSQL database (two <see cref="DbWriter"/>s, each with its own loop and
/// transaction, as on two nodes) lock the same two books in opposite orders. PostgreSQL breaks the deadlock by aborting one
/// transaction (40P01); that writer runs its batch again, and both callers get their answer with each change applied once.
/// </summary>
[Trait(TestStore.Trait, TestStore.PostgreSqlOnly)]
public sealed class WriteRetryAcrossNodesTests
{
    [Fact]
    public async Task Writes_that_deadlock_across_nodes_both_commit_once()
    {
        await using var app = new LibraryApp();
        await app.InitializeAsync();
        await using var writerA = ActivatorUtilities.CreateInstance<DbWriter>(app.Services);
        await using var writerB = ActivatorUtilities.CreateInstance<DbWriter>(app.Services);
        var books = await app.WithDbAsync(db => db.Books.OrderBy(b => b.Id).Select(b => new { b.Id, b.TotalCopies }).Take(2).ToListAsync());
        var (first, second) = (books[0].Id, books[1].Id);
        var aHoldsFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bHoldsSecond = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runs = new int[2];

        var onA = writerA.ExecuteAsync(async (db, ct) =>
        {
            Interlocked.Increment(ref runs[0]);
            await AddCopyAsync(db, first, ct);
            aHoldsFirst.TrySetResult();
            await bHoldsSecond.Task.WaitAsync(TimeSpan.FromSeconds(10), ct);
            await AddCopyAsync(db, second, ct);
            return "a";
        }, CancellationToken.None);
        var onB = writerB.ExecuteAsync(async (db, ct) =>
        {
            Interlocked.Increment(ref runs[1]);
            await AddCopyAsync(db, second, ct);
            bHoldsSecond.TrySetResult();
            await aHoldsFirst.Task.WaitAsync(TimeSpan.FromSeconds(10), ct);
            await AddCopyAsync(db, first, ct);
            return "b";
        }, CancellationToken.None);

        Assert.Equal(["a", "b"], await Task.WhenAll(onA, onB));
        Assert.Equal(3, runs[0] + runs[1]); // the deadlock victim ran twice, its first run rolled back
        var totals = await app.WithDbAsync(db => db.Books.Where(b => b.Id == first || b.Id == second)
            .OrderBy(b => b.Id).Select(b => b.TotalCopies).ToListAsync());
        Assert.Equal([books[0].TotalCopies + 2, books[1].TotalCopies + 2], totals);
    }

    private static Task<int> AddCopyAsync(LibraryDbContext db, int bookId, CancellationToken ct) =>
        db.Books.Where(b => b.Id == bookId).ExecuteUpdateAsync(s => s
            .SetProperty(b => b.TotalCopies, b => b.TotalCopies + 1)
            .SetProperty(b => b.AvailableCopies, b => b.AvailableCopies + 1), ct);
}
