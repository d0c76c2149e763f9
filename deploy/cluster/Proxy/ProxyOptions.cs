namespace Library.Proxy;

/// <summary>Settings under <c>Proxy:</c> (environment variables <c>Proxy__Nodes</c> etc.).</summary>
internal sealed class ProxyOptions
{
    public const string Section = "Proxy";

    /// <summary>The app nodes, comma-separated: <c>http://127.0.0.1:5081,http://127.0.0.1:5082</c>.</summary>
    public string Nodes { get; set; } = "";

    public string AffinityCookie { get; set; } = "library-affinity";

    /// <summary>The app's readiness endpoint: PostgreSQL and Redis reachable, migrations applied, not shutting down.</summary>
    public string HealthPath { get; set; } = "/health/ready";

    public TimeSpan HealthInterval { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan HealthTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Failed active probes in a row before a node is taken out.</summary>
    public int UnhealthyAfter { get; set; } = 2;

    /// <summary>How long a node that failed requests (passive check) stays out before it gets traffic again.</summary>
    public TimeSpan PassiveReactivation { get; set; } = TimeSpan.FromSeconds(10);

    public IReadOnlyList<string> NodeAddresses() =>
        Nodes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
