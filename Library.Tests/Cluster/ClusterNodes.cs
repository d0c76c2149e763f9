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
