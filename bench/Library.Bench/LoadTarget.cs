using System.Diagnostics;

namespace Library.Bench;

/// <summary>What the load is sent to: one app process, or a cluster of them behind the proxy.</summary>
internal interface ILoadTarget : IAsyncDisposable
{
    Uri BaseAddress { get; }

    Database Database { get; }

    Task StartAsync();
}

/// <summary>
/// <c>--cluster</c>: N app processes as cluster nodes on one PostgreSQL database and one Redis, and the YARP proxy of
/// deploy/cluster/Proxy in front (cookie affinity, health checks), as deploy/cluster/run.sh runs them. The load goes to
/// the proxy. node1 creates, migrates and seeds the database; the others start once it is ready.
/// </summary>
internal sealed class ClusterTarget(BenchOptions options, string workDirectory, int firstPort) : ILoadTarget
{
    private readonly List<AppProcess> _nodes = [];
    private Process? _proxy;

    public Uri BaseAddress { get; } = new($"http://127.0.0.1:{firstPort}");

    public Database Database => _nodes[0].Database;

    public async Task StartAsync()
    {
        var database = Path.Combine(workDirectory, "cluster");
        for (var i = 1; i <= options.Nodes; i++)
        {
            var dir = Path.Combine(workDirectory, $"node{i}");
            Directory.CreateDirectory(dir);
            var settings = new Dictionary<string, string>(options.AppSettings)
            {
                ["ConnectionStrings:Redis"] = options.RedisServer!,
                ["Cluster:NodeName"] = $"node{i}",
                ["Cluster:RedisPrefix"] = $"library-bench:{Path.GetFileName(workDirectory)}:",
            };
            _nodes.Add(new AppProcess(options.AppDll, dir, firstPort + i, options.Store, settings, database));
        }

        await _nodes[0].StartAsync();
        await Task.WhenAll(_nodes.Skip(1).Select(n => n.StartAsync()));

        var info = new ProcessStartInfo("dotnet", [options.ProxyDll!])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(options.ProxyDll)!,
        };
        info.Environment["ASPNETCORE_URLS"] = BaseAddress.ToString();
        info.Environment["Proxy__Nodes"] = string.Join(',', _nodes.Select(n => n.BaseAddress.ToString().TrimEnd('/')));
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        _proxy = Process.Start(info)!;
        _proxy.OutputDataReceived += (_, _) => { };
        _proxy.ErrorDataReceived += (_, _) => { };
        _proxy.BeginOutputReadLine();
        _proxy.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                var nodes = await http.GetStringAsync("/proxy/nodes");
                if (System.Text.RegularExpressions.Regex.Matches(nodes, "\"active\":\"Healthy\"").Count == options.Nodes)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The proxy did not see every node healthy within 30 s.");
    }

    public async ValueTask DisposeAsync()
    {
        if (_proxy is { HasExited: false })
        {
            _proxy.Kill();
            await _proxy.WaitForExitAsync();
        }

        _proxy?.Dispose();
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }
    }
}
