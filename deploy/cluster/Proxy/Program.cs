using Library.Proxy;

var builder = WebApplication.CreateBuilder(args);
var options = builder.Configuration.GetSection(ProxyOptions.Section).Get<ProxyOptions>() ?? new ProxyOptions();
var nodes = options.NodeAddresses();
if (nodes.Count == 0)
{
    Console.Error.WriteLine("Proxy:Nodes is empty: give the app nodes as a comma-separated list, e.g. Proxy__Nodes=http://127.0.0.1:5081,http://127.0.0.1:5082");
    return 1;
}

builder.Services.AddReverseProxy().LoadFromMemory([ClusterConfiguration.Route()], [ClusterConfiguration.Cluster(options, nodes)]);

var app = builder.Build();
app.MapGet(NodesEndpoint.Path, NodesEndpoint.Handle);
// The default pipeline: session affinity, load balancing, passive health checks, then forwarding (WebSockets included).
app.MapReverseProxy();
app.Logger.LogInformation("Proxying to {Nodes} (affinity cookie {Cookie}, active health checks on {Path})", string.Join(", ", nodes), options.AffinityCookie, options.HealthPath);
await app.RunAsync();
return 0;
