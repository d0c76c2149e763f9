using System.Net;
using Library.Tests.TestSupport;

namespace Library.Tests.Cluster.Processes;

/// <summary>Two real app processes on one PostgreSQL database and one Redis behave as one library.</summary>
[Trait(ClusterProcessTrait.Name, ClusterProcessTrait.Value)]
[Collection(ClusterProcessTrait.Collection)]
public sealed class TwoNodeProcessTests(NodeProcesses cluster) : IClassFixture<NodeProcesses>
{
    private const int Borrows = 200;
    private const int Copies = 5;
    private const int PatronsPerNode = 10;

    [ClusterProcessFact]
    public async Task Two_hundred_concurrent_borrows_split_across_both_nodes_lend_exactly_the_five_copies()
    {
        var bookId = (int)await cluster.Database.ScalarAsync("""SELECT MIN("Id") FROM "Books" WHERE "TotalCopies" >= 5""");
        await cluster.Database.ExecuteAsync($"""UPDATE "Books" SET "TotalCopies" = {Copies}, "AvailableCopies" = {Copies} WHERE "Id" = {bookId}""");
        // Each patron signs in on the node it then borrows through: 10 patrons per node, 10 borrows each.
        var clients = await Task.WhenAll(Enumerable.Range(0, 2 * PatronsPerNode).Select(async i =>
        {
            var node = i % 2 == 0 ? cluster.A : cluster.B;
            var email = await cluster.RegisterAsync(node, "race");
            return cluster.Bearer(node, await cluster.SignInAsync(node, email));
        }));

        using var start = new SemaphoreSlim(0);
        var borrows = Enumerable.Range(0, Borrows).Select(async i =>
        {
            await start.WaitAsync();
            return await clients[i % clients.Length].BorrowAsync(bookId, 1);
        }).ToList();
        start.Release(Borrows);
        var responses = await Task.WhenAll(borrows);

        Assert.DoesNotContain(responses, r => (int)r.StatusCode >= 500);
        Assert.Equal(Copies, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(Borrows - Copies, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(Copies, await cluster.Database.ScalarAsync($"""SELECT COALESCE(SUM("Quantity"), 0) FROM "Loans" WHERE "BookId" = {bookId}"""));
        Assert.Equal(0, await cluster.Database.ScalarAsync($"""SELECT "AvailableCopies" FROM "Books" WHERE "Id" = {bookId}"""));
    }

    [ClusterProcessFact]
    public async Task A_bearer_token_issued_by_node_A_borrows_and_lists_loans_on_node_B()
    {
        var email = await cluster.RegisterAsync(cluster.A, "token");
        var tokenFromA = await cluster.SignInAsync(cluster.A, email);
        var onB = cluster.Bearer(cluster.B, tokenFromA);
        var book = await cluster.Client(cluster.B).FindBookWithCopiesAsync(1, skip: 3);

        var borrowed = await onB.BorrowAsync(book.Id, 1);

        Assert.Equal(HttpStatusCode.Created, borrowed.StatusCode);
        var loan = await borrowed.ReadAsync<Api.Loan>();
        var mine = await onB.GetAsync("/api/me/loans");
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Contains(loan.Id.ToString(), await mine.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }
}
