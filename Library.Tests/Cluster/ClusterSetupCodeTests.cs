using Library.Tests.TestSupport;
using Library.Web.Infrastructure.Identity.Setup;
using Microsoft.Extensions.DependencyInjection;

namespace Library.Tests.Cluster;

/// <summary>A new library on a cluster: every node prints the same setup code, and /setup closes on all of them at once.</summary>
[Trait(TestStore.Trait, TestStore.PostgreSqlOnly)]
public sealed class ClusterSetupCodeTests
{
    [Fact]
    public async Task Both_nodes_accept_one_setup_code_and_close_setup_together()
    {
        await using var nodes = new ClusterNodes().Configure(app => app.With("Seed:Demo", "false"));
        await nodes.InitializeAsync();
        var onA = nodes.A.Services.GetRequiredService<SetupCode>();
        var onB = nodes.B.Services.GetRequiredService<SetupCode>();
        var code = nodes.A.Services.GetRequiredService<ISetupCodeStore>().Current;

        Assert.NotNull(code);
        Assert.True(onB.Matches(code));
        Assert.True(onA.IsOpen);

        await using (var scope = nodes.A.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<FirstLibrarianSetup>()
                .CreateLibrarianAsync("first@test.local", "First-librarian-2026!", "First");
            Assert.True(created.Succeeded);
        }

        Assert.False(onB.IsOpen);
        Assert.False(onB.Matches(code));
    }
}
