using System.Collections.Concurrent;
using System.Net;
using Library.Tests.TestSupport;
using Xunit.Abstractions;

namespace Library.Tests.Cluster.Processes;

/// <summary>
/// <c>kill -9</c> of node A while patrons borrow and return through both nodes: what either node acknowledged is in the
/// database, node B delivers the events A left undelivered, dashboards equal a rebuild and no late return is charged twice.
/// </summary>
[Trait(ClusterProcessTrait.Name, ClusterProcessTrait.Value)]
[Collection(ClusterProcessTrait.Collection)]
public sealed class NodeKilledMidBurstTests(NodeProcesses cluster, ITestOutputHelper output) : IClassFixture<NodeProcesses>
{
    private const int PatronsPerNode = 6;
    private const int AcknowledgedOnABeforeKill = 120;
    private static readonly TimeSpan BurstOnBAfterKill = TimeSpan.FromSeconds(2);

    private sealed record Patron(AppProcess Node, HttpClient Http, Guid OverdueLoan);

    private sealed record Acknowledged(string Action, Guid LoanId);

    [ClusterProcessFact]
    public async Task Nothing_acknowledged_is_lost_and_node_B_finishes_what_node_A_left()
    {
        var books = await cluster.Database.ListAsync(
            """SELECT "Id" FROM "Books" WHERE "AvailableCopies" >= 4 ORDER BY "Id" LIMIT 60""", r => r.GetInt32(0));
        var patrons = await Task.WhenAll(Enumerable.Range(0, 2 * PatronsPerNode).Select(async i =>
        {
            var node = i % 2 == 0 ? cluster.A : cluster.B;
            var http = cluster.Bearer(node, await cluster.SignInAsync(node, await cluster.RegisterAsync(node, "burst")));
            var loan = await (await http.BorrowAsync(books[i], 2)).ReadAsync<Api.Loan>();
            return new Patron(node, http, loan.Id);
        }));
        // Those first loans were due 6 library days ago: returning them during the burst charges late fees.
        await cluster.Database.ExecuteAsync("""UPDATE "Loans" SET "BorrowedAt" = "BorrowedAt" - INTERVAL '20 days', "DueAt" = "DueAt" - INTERVAL '20 days'""");
        await WaitForOutboxAsync();

        var acknowledged = new ConcurrentBag<Acknowledged>();
        var acknowledgedOnA = 0;
        var serverErrors = 0;
        var killed = new TaskCompletionSource();
        using var stopB = new CancellationTokenSource();
        var burst = patrons.Select((patron, index) => Task.Run(async () =>
        {
            var random = new Random(index);
            // Two late partial returns of the overdue loan first, then borrow one / return one until the node dies or the burst ends.
            var actions = new List<Func<Task<HttpResponseMessage>>>
            {
                () => patron.Http.ReturnAsync(patron.OverdueLoan, 1),
                () => patron.Http.ReturnAsync(patron.OverdueLoan, 1),
            };
            var step = 0;
            Guid? open = null;
            while (!stopB.IsCancellationRequested && !(patron.Node == cluster.A && killed.Task.IsCompleted))
            {
                HttpResponseMessage response;
                string action;
                Guid loanId;
                try
                {
                    if (step < actions.Count)
                    {
                        (action, loanId) = ("return", patron.OverdueLoan);
                        response = await actions[step++]();
                    }
                    else if (open is { } onLoan)
                    {
                        (action, loanId) = ("return", onLoan);
                        response = await patron.Http.ReturnAsync(onLoan, 1);
                    }
                    else
                    {
                        action = "borrow";
                        response = await patron.Http.BorrowAsync(books[random.Next(books.Count)], 1);
                        loanId = response.StatusCode == HttpStatusCode.Created ? (await response.ReadAsync<Api.Loan>()).Id : Guid.Empty;
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    continue; // the node died under this request: not acknowledged
                }

                if ((int)response.StatusCode >= 500)
                {
                    Interlocked.Increment(ref serverErrors);
                }

                if (!response.IsSuccessStatusCode)
                {
                    continue;
                }

                acknowledged.Add(new Acknowledged(action, loanId));
                open = action == "borrow" ? loanId : (loanId == open ? null : open);
                if (patron.Node == cluster.A && Interlocked.Increment(ref acknowledgedOnA) == AcknowledgedOnABeforeKill)
                {
                    await cluster.A.KillAsync();
                    killed.TrySetResult();
                }
            }
        })).ToList();

        await killed.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var backlogAtKill = await cluster.Database.OutboxBacklogAsync();
        await Task.Delay(BurstOnBAfterKill);
        await stopB.CancelAsync();
        await Task.WhenAll(burst);
        var drain = System.Diagnostics.Stopwatch.StartNew();
        await WaitForOutboxAsync();
        output.WriteLine($"acknowledged: {acknowledged.Count} ({acknowledgedOnA} on A); outbox backlog right after kill -9: {backlogAtKill}; node B drained it in {drain.Elapsed.TotalSeconds:0.0} s");

        Assert.Equal(0, serverErrors);
        Assert.NotNull(cluster.A.ExitCode);
        var loans = (await cluster.Database.ListAsync("""SELECT "Id" FROM "Loans" """, r => r.GetGuid(0))).ToHashSet();
        Assert.All(acknowledged.Where(a => a.Action == "borrow"), a => Assert.Contains(a.LoanId, loans));
        var returnsPerLoan = (await cluster.Database.ListAsync("""SELECT "LoanId", COUNT(*) FROM "LoanReturns" GROUP BY "LoanId" """, r => (r.GetGuid(0), r.GetInt64(1))))
            .ToDictionary(r => r.Item1, r => r.Item2);
        Assert.All(acknowledged.Where(a => a.Action == "return").GroupBy(a => a.LoanId), g =>
            Assert.True(returnsPerLoan.GetValueOrDefault(g.Key) >= g.Count(), $"loan {g.Key}: {g.Count()} returns acknowledged, {returnsPerLoan.GetValueOrDefault(g.Key)} recorded"));

        Assert.Equal(0, await cluster.Database.ScalarAsync("""SELECT COUNT(*) FROM "OutboxMessages" WHERE "FailedAt" IS NOT NULL"""));
        // Every late return has exactly one fee; none is charged twice.
        Assert.Equal(0, await cluster.Database.ScalarAsync("""
            SELECT COUNT(*) FROM "LoanReturns" r
            WHERE r."DaysOverdue" > 0 AND (SELECT COUNT(*) FROM "Fees" f WHERE f."ReturnId" = r."Id") <> 1
            """));
        Assert.True(await cluster.Database.ScalarAsync("""SELECT COUNT(*) FROM "Fees" """) >= 2 * PatronsPerNode, "the late returns through node B alone charge fees");
        // Stock agrees with what is on loan, title by title.
        Assert.Equal(0, await cluster.Database.ScalarAsync("""
            SELECT COUNT(*) FROM "Books" b
            WHERE b."AvailableCopies" <> b."TotalCopies" - (SELECT COALESCE(SUM(l."Quantity" - l."QuantityReturned"), 0) FROM "Loans" l WHERE l."BookId" = b."Id" AND l."Status" = 0)
            """));
        var (incremental, rebuilt) = await DashboardCheck.CompareAsync(cluster.ConnectionString);
        Assert.NotEmpty(incremental);
        Assert.Equal(rebuilt, incremental);
    }

    private Task WaitForOutboxAsync() =>
        Eventually.HoldsAsync(async () => await cluster.Database.OutboxBacklogAsync() == 0, "the outbox backlog drains to 0", TimeSpan.FromSeconds(45));
}
