using Library.Tests.TestSupport;

namespace Library.Tests.Cluster;

/// <summary>
/// Two cluster nodes (<see cref="LibraryApp.WithRedis"/>) on one PostgreSQL database, named <c>node-a</c> and <c>node-b</c>
/// (<c>Cluster:NodeName</c>, which the Jobs page shows and Quartz uses as instance id), sharing one clock; for the tests that
/// start nodes in a particular way (both at once, one stopped early, restarted). Node A owns the database: B is disposed
/// first, A then drops it.
/// </summary>
public sealed class NamedClusterNodes : IAsyncDisposable
{
    public const string NodeAName = "node-a";
    public const string NodeBName = "node-b";

    private NamedClusterNodes(LibraryApp a, LibraryApp b)
    {
        A = a;
        B = b;
    }

    public LibraryApp A { get; }

    public LibraryApp B { get; }

    /// <param name="configure">Settings for both nodes (called once per node before it starts).</param>
    /// <param name="together">Start both at the same moment (as a deployment does) instead of A first.</param>
    public static async Task<NamedClusterNodes> StartAsync(Action<LibraryApp>? configure = null, bool together = false)
    {
        var a = Configure(new LibraryApp(), NodeAName, configure);
        var b = Configure(new LibraryApp().UseDatabaseOf(a), NodeBName, configure);
        if (together)
        {
            await Task.WhenAll(Task.Run(a.InitializeAsync), Task.Run(b.InitializeAsync));
        }
        else
        {
            await a.InitializeAsync();
            await b.InitializeAsync();
        }

        return new NamedClusterNodes(a, b);
    }

    public static LibraryApp Configure(LibraryApp app, string nodeName, Action<LibraryApp>? configure = null)
    {
        configure?.Invoke(app);
        return app.WithRedis().With("Cluster:NodeName", nodeName);
    }

    /// <summary>Stops node B alone (a clean shutdown, as a rolling update does); A goes on.</summary>
    public async Task StopBAsync()
    {
        await B.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
    }
}
