using Library.Tests.TestSupport;

namespace Library.Tests.Cluster.Processes;

/// <summary>
/// A test that starts real app processes as cluster nodes: it needs the test PostgreSQL (<c>LIBRARY_TEST_POSTGRES</c>) and
/// the test Redis (<c>LIBRARY_TEST_REDIS</c>), and is skipped with that message when either is missing.
/// </summary>
public sealed class ClusterProcessFactAttribute : FactAttribute
{
    public ClusterProcessFactAttribute()
    {
        var missing = new[] { "LIBRARY_TEST_POSTGRES", "LIBRARY_TEST_REDIS" }
            .Where(name => string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(name)))
            .ToList();
        if (missing.Count > 0)
        {
            Skip = $"{string.Join(" and ", missing)} not set: the cluster process tests need a PostgreSQL server and a Redis " +
                "(./test.sh starts both; or tools/test-postgres.sh and tools/test-redis.sh).";
        }
    }
}

/// <summary>
/// The trait every cluster process test carries (the PostgreSQL pass only), and their collection: the classes run one
/// after another, so no more than two app processes start at a time on a shared machine.
/// </summary>
internal static class ClusterProcessTrait
{
    public const string Name = TestStore.Trait;
    public const string Value = TestStore.PostgreSqlOnly;
    public const string Collection = "Cluster processes";
}
