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
/// Cluster nodes where only node A's outbox dispatcher runs. Until the outbox claims messages across nodes (FOR UPDATE
/// SKIP LOCKED, the outbox part of issue 14), two dispatchers may both deliver an event that has only live handlers
/// (BookStockChanged), which would push it twice; the tests that use this are about the Redis relay and the backplane,
/// which must carry one push to every node once. Drop this class when the outbox claims messages.
/// </summary>
public class OneDispatcherClusterNodes : ClusterNodes
{
    public OneDispatcherClusterNodes() => B.With("Outbox:DispatchEnabled", "false");
}
