using System.Net;
using System.Net.Http.Json;
using Library.Tests.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Library.Tests.Integration;

/// <summary>
/// Many writers at once with no shared in-process gate: two app nodes on one database, 200 patrons racing for the 5 copies
/// of one title, half through each node. Only the store (row locks and the stock concurrency check on PostgreSQL, the file
/// lock on SQLite) and the CHECK constraint stand between them and an oversold title.
/// </summary>
public sealed class TwoNodeRaceTests
{
    private const int Patrons = 200;
    private const int Copies = 5;

    [Fact]
    public async Task Two_hundred_patrons_on_two_nodes_borrow_exactly_the_five_copies()
    {
        await using var nodeA = new FastHashingApp();
        nodeA.WithRedisOnPostgreSql();
        await nodeA.InitializeAsync();
        await using var nodeB = new FastHashingApp();
        nodeB.UseDatabaseOf(nodeA).WithRedisOnPostgreSql();
        await nodeB.InitializeAsync();
        var bookId = await nodeA.WithDbAsync(db => db.Books.Where(b => b.TotalCopies >= Copies).Select(b => b.Id).FirstAsync());
        await nodeA.PutCopiesOnShelfAsync(bookId, Copies);

        var patrons = new List<HttpClient>();
        for (var i = 0; i < Patrons; i += 20)
        {
            patrons.AddRange(await Task.WhenAll(Enumerable.Range(i, 20).Select(async n =>
            {
                var node = n % 2 == 0 ? nodeA : nodeB;
                var email = $"race{n}-{Guid.NewGuid():N}"[..16] + "@test.local";
                using var anonymous = node.CreateApiClient();
                var registered = await anonymous.PostAsJsonAsync("/api/auth/register", new { email, password = RacePassword });
                Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
                return await node.SignInApiAsync(email, RacePassword);
            })));
        }

        using var start = new SemaphoreSlim(0);
        var borrows = patrons.Select(async client =>
        {
            await start.WaitAsync();
            return await client.BorrowAsync(bookId, 1);
        }).ToList();
        start.Release(Patrons);
        var responses = await Task.WhenAll(borrows);

        Assert.DoesNotContain(responses, r => (int)r.StatusCode >= 500);
        Assert.Equal(Copies, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        var refusals = responses.Where(r => r.StatusCode == HttpStatusCode.Conflict).ToList();
        Assert.Equal(Patrons - Copies, refusals.Count);
        Assert.Contains("application/problem+json", refusals[0].Content.Headers.ContentType!.ToString());
        var (available, lent) = await nodeB.WithDbAsync(async db => (
            await db.Books.Where(b => b.Id == bookId).Select(b => b.AvailableCopies).SingleAsync(),
            await db.Loans.Where(l => l.BookId == bookId).SumAsync(l => l.Quantity)));
        Assert.Equal(0, available);
        Assert.Equal(Copies, lent);
        foreach (var client in patrons)
        {
            client.Dispose();
        }
    }

    private const string RacePassword = "Race-password-2026!";

    /// <summary>Registering 200 patrons with the production hash cost would take most of a minute on two cores.</summary>
    private sealed class FastHashingApp : LibraryApp
    {
        public FastHashingApp()
        {
            With("Lending:Throttle:PerPatronBurst", "1000");
            // 20 sign-ins at once from 127.0.0.1; on a cluster both nodes draw on one per-address budget.
            With("SignIn:Throttle:FailuresPerAddress", "1000");
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000));
        }
    }
}
