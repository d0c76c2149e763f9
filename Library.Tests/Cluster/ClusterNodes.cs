using Library.Tests.TestSupport;

namespace Library.Tests.Cluster;

/// <summary>
/// Two in-process nodes (Kestrel on two loopback ports) on one PostgreSQL database and one Redis, like two pods behind a
/// proxy. <see cref="Configure"/> applies the same settings to both.
/// </summary>
public class ClusterNodes : IAsyncLifetime
{
    public LibraryApp A { get; } = new();

    public LibraryApp B { get; } = new();

    public ClusterNodes()
    {
        B.UseDatabaseOf(A);
        Configure(app => app.WithRedis());
    }

    public ClusterNodes Configure(Action<LibraryApp> configure)
    {
        configure(A);
        configure(B);
        return this;
    }

    public async Task InitializeAsync()
    {
        await A.InitializeAsync();
        await B.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
    }
}

/// <summary>
/// Cluster nodes where only node A's outbox dispatcher runs, so every live push starts on node A: the Redis outage test
/// checks that node A's own pages and hub clients still hear node A's changes while Redis is down (with both dispatching,
/// node B might deliver the event and node A's clients would rightly hear nothing until Redis is back).
/// </summary>
public class OneDispatcherClusterNodes : ClusterNodes
{
    public OneDispatcherClusterNodes() => B.With("Outbox:DispatchEnabled", "false");
}
