using Library.Tests.TestSupport;

namespace Library.Tests.Cluster;

/// <summary>
/// Deployments that would break the library refuse to start with one line and exit code 1: cluster mode on a SQLite file,
/// and a single node next to another node (or cluster nodes next to a single node) on one PostgreSQL database.
/// </summary>
[Trait(TestStore.Trait, TestStore.PostgreSqlOnly)]
public sealed class ClusterStartupRulesTests
{
    [Fact]
    public async Task Redis_with_a_SQLite_database_refuses_to_start()
    {
        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => AppProcess.StartAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings__Redis"] = LibraryApp.RedisServer,
        }));

        Assert.Contains("exited with 1 before listening", refusal.Message);
        Assert.Contains("a SQLite file cannot be shared by several nodes", refusal.Message);
        Assert.DoesNotContain("   at ", refusal.Message);
    }

    [Fact]
    public async Task A_single_node_next_to_a_running_node_on_one_PostgreSQL_database_refuses_to_start()
    {
        await using var running = new LibraryApp();
        await running.InitializeAsync();

        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => AppProcess.StartAsync(OnDatabaseOf(running)));

        Assert.Contains("exited with 1 before listening", refusal.Message);
        Assert.Contains("Another Library node is running on this PostgreSQL database and this one has no ConnectionStrings:Redis", refusal.Message);
        using var client = running.CreateApiClient();
        Assert.True((await client.GetAsync("/api/books?pageSize=1")).IsSuccessStatusCode);
    }

    [Fact]
    public async Task A_cluster_node_next_to_a_running_single_node_refuses_to_start()
    {
        await using var running = new LibraryApp();
        await running.InitializeAsync();
        var environment = OnDatabaseOf(running);
        environment["ConnectionStrings__Redis"] = LibraryApp.RedisServer;
        environment["Cluster__RedisPrefix"] = running.RedisPrefix;

        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => AppProcess.StartAsync(environment));

        Assert.Contains("exited with 1 before listening", refusal.Message);
        Assert.Contains("A single-node Library (no ConnectionStrings:Redis) is running on this PostgreSQL database", refusal.Message);
    }

    private static Dictionary<string, string> OnDatabaseOf(LibraryApp running) => new()
    {
        ["Database__Provider"] = "PostgreSQL",
        ["ConnectionStrings__Library"] = running.PostgreSqlConnectionString,
    };
}
