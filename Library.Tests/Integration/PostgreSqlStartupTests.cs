using System.Net.Http.Json;
using Library.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Library.Tests.Integration;

/// <summary>
/// PostgreSQL only (the PostgreSQL pass of test.sh): the database is created when missing, and two nodes starting at the same
/// moment on it migrate it once (an advisory lock around Migrate) and both serve.
/// </summary>
[Trait(TestStore.Trait, TestStore.PostgreSqlOnly)]
public sealed class PostgreSqlStartupTests
{
    [Fact]
    public async Task Two_nodes_starting_at_once_on_a_missing_database_create_and_migrate_it_once()
    {
        // Two nodes on one database are cluster nodes (a single node would refuse to share it).
        await using var first = new LibraryApp().WithRedis();
        await using var second = new LibraryApp().UseDatabaseOf(first).WithRedis();

        await Task.WhenAll(Task.Run(first.InitializeAsync), Task.Run(second.InitializeAsync));

        Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", await first.WithDbAsync(db => Task.FromResult(db.Database.ProviderName)));
        var applied = await first.WithDbAsync(db => db.Database.SqlQueryRaw<string>("SELECT \"MigrationId\" AS \"Value\" FROM \"__EFMigrationsHistory\"").ToListAsync());
        Assert.Equal((await first.WithDbAsync(db => Task.FromResult(db.Database.GetMigrations().ToList()))), applied);
        foreach (var node in new[] { first, second })
        {
            using var client = node.CreateApiClient();
            var page = await client.GetFromJsonAsync<Api.BookPage>("/api/books?pageSize=1", Api.Json);
            Assert.True(page!.TotalCount > 0);
        }
    }
}
