using System.Net;
using Library.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Library.Tests.Cluster;

/// <summary>
/// Data-protection keys live in the database: a bearer token node A issued is accepted by node B and by both nodes after
/// they restart; key files an earlier version kept in the data directory are imported, so an upgrade signs nobody out.
/// </summary>
public sealed class SignInAcrossNodesTests
{
    [Fact]
    [Trait(TestStore.Trait, TestStore.PostgreSqlOnly)]
    public async Task Token_from_node_a_works_on_node_b_and_after_both_restart()
    {
        var nodes = await NamedClusterNodes.StartAsync();
        string token;
        var dataDirectory = nodes.A.DataDirectory;
        try
        {
            using var patronOnA = await nodes.A.SignInPatronAsync();
            token = patronOnA.DefaultRequestHeaders.Authorization!.Parameter!;
            using var patronOnB = nodes.B.CreateApiClient(token);
            Assert.Equal(HttpStatusCode.OK, (await patronOnB.GetAsync("/api/me/dashboard")).StatusCode);
            nodes.A.KeepDataOnDispose = true; // the restart below uses the same database
        }
        finally
        {
            await nodes.DisposeAsync();
        }

        await using var a = NamedClusterNodes.Configure(LibraryApp.RestartOn(dataDirectory), NamedClusterNodes.NodeAName);
        await a.InitializeAsync();
        a.KeepDataOnDispose = false; // drops the database at the end
        await using var b = NamedClusterNodes.Configure(new LibraryApp().UseDatabaseOf(a), NamedClusterNodes.NodeBName);
        await b.InitializeAsync();
        foreach (var node in new[] { a, b })
        {
            using var patron = node.CreateApiClient(token);
            Assert.Equal(HttpStatusCode.OK, (await patron.GetAsync("/api/me/dashboard")).StatusCode);
        }
    }

    [Fact]
    public async Task Keys_an_earlier_version_kept_in_files_are_imported_and_its_tokens_stay_valid()
    {
        string token, dataDirectory;
        await using (var before = new LibraryApp())
        {
            before.KeepDataOnDispose = true;
            await before.InitializeAsync();
            using var patron = await before.SignInPatronAsync();
            token = patron.DefaultRequestHeaders.Authorization!.Parameter!;
            dataDirectory = before.DataDirectory;

            // What an earlier version left: the keys as files in {data}/keys, none in the database.
            var keys = await before.WithDbAsync(db => db.DataProtectionKeys.AsNoTracking().ToListAsync());
            Assert.NotEmpty(keys);
            Directory.CreateDirectory(Path.Combine(dataDirectory, "keys"));
            foreach (var key in keys)
            {
                await File.WriteAllTextAsync(Path.Combine(dataDirectory, "keys", key.FriendlyName + ".xml"), key.Xml);
            }

            await before.WithDbAsync(db => db.DataProtectionKeys.ExecuteDeleteAsync());
        }

        await using var after = LibraryApp.RestartOn(dataDirectory);
        await after.InitializeAsync();
        after.KeepDataOnDispose = false;
        using var client = after.CreateApiClient(token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me/dashboard")).StatusCode);
        Assert.NotEmpty(await after.WithDbAsync(db => db.DataProtectionKeys.ToListAsync()));
    }
}
