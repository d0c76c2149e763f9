namespace Library.Web.Infrastructure.Cluster;

/// <summary>
/// A node joins a cluster when <c>ConnectionStrings:Redis</c> is set (a StackExchange.Redis configuration string):
/// live updates, limits and jobs then work across nodes. Without it the app is a single node.
/// </summary>
internal static class ClusterMode
{
    public const string RedisConnectionName = "Redis";

    public static string? RedisConfiguration(IConfiguration configuration) =>
        configuration.GetConnectionString(RedisConnectionName) is { Length: > 0 } redis ? redis : null;

    public static bool IsOn(IConfiguration configuration) => RedisConfiguration(configuration) is not null;
}
