namespace Library.Web.Infrastructure.Cluster;

/// <summary>Section "Cluster" (read only when ConnectionStrings:Redis is set).</summary>
internal sealed class ClusterOptions
{
    public const string Section = "Cluster";

    /// <summary>
    /// Put in front of every Redis key and pub/sub channel of this library, so several libraries (or test runs) can share
    /// one Redis. Every node of one library must use the same prefix.
    /// </summary>
    public string RedisPrefix { get; set; } = "library:";

    /// <summary>While Redis is unreachable, the same warning is logged at most once per this interval.</summary>
    public TimeSpan OutageWarningInterval { get; set; } = TimeSpan.FromSeconds(30);
}
