using Yarp.ReverseProxy;

namespace Library.Proxy;

/// <summary><c>GET /proxy/nodes</c>: each node's address and what the active and passive health checks think of it.</summary>
internal static class NodesEndpoint
{
    public const string Path = "/proxy/nodes";

    public static IResult Handle(IProxyStateLookup state) =>
        state.TryGetCluster(ClusterConfiguration.ClusterId, out var cluster)
            ? Results.Ok(cluster.Destinations.Values.OrderBy(d => d.DestinationId).Select(d => new
            {
                node = d.DestinationId,
                address = d.Model.Config.Address,
                active = d.Health.Active.ToString(),
                passive = d.Health.Passive.ToString(),
            }))
            : Results.NotFound();
}
