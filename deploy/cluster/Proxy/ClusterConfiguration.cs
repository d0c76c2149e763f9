using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.SessionAffinity;

namespace Library.Proxy;

/// <summary>One catch-all route to one cluster of app nodes.</summary>
internal static class ClusterConfiguration
{
    public const string ClusterId = "library";

    public static RouteConfig Route() => new()
    {
        RouteId = "all",
        ClusterId = ClusterId,
        Match = new RouteMatch { Path = "{**catch-all}" },
    };

    public static ClusterConfig Cluster(ProxyOptions options, IReadOnlyList<string> nodes) => new()
    {
        ClusterId = ClusterId,
        LoadBalancingPolicy = "PowerOfTwoChoices",
        // Blazor Server keeps a circuit in one node's memory: a browser must stay on the node that holds it. When that
        // node is out, the browser is sent to another one (its reconnect UI then reloads the page there).
        SessionAffinity = new SessionAffinityConfig
        {
            Enabled = true,
            Policy = SessionAffinityConstants.Policies.Cookie,
            FailurePolicy = SessionAffinityConstants.FailurePolicies.Redistribute,
            AffinityKeyName = options.AffinityCookie,
            Cookie = new SessionAffinityCookieConfig { HttpOnly = true, IsEssential = true, SameSite = SameSiteMode.Lax },
        },
        HealthCheck = new HealthCheckConfig
        {
            Active = new ActiveHealthCheckConfig
            {
                Enabled = true,
                Interval = options.HealthInterval,
                Timeout = options.HealthTimeout,
                Policy = HealthCheckConstants.ActivePolicy.ConsecutiveFailures,
                Path = options.HealthPath,
            },
            Passive = new PassiveHealthCheckConfig
            {
                Enabled = true,
                Policy = HealthCheckConstants.PassivePolicy.TransportFailureRate,
                ReactivationPeriod = options.PassiveReactivation,
            },
            AvailableDestinationsPolicy = HealthCheckConstants.AvailableDestinations.HealthyOrPanic,
        },
        Metadata = new Dictionary<string, string>
        {
            [ConsecutiveFailuresHealthPolicyOptions.ThresholdMetadataName] = options.UnhealthyAfter.ToString(System.Globalization.CultureInfo.InvariantCulture),
        },
        Destinations = nodes.Select((address, i) => (address, i))
            .ToDictionary(n => $"node{n.i + 1}", n => new DestinationConfig { Address = n.address }),
    };
}
