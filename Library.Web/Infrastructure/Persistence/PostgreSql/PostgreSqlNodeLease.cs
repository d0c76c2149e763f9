using Npgsql;

namespace Library.Web.Infrastructure.Persistence.PostgreSql;

/// <summary>
/// A session advisory lock on a connection of its own, kept open until the process ends (PostgreSQL releases it when the
/// session goes, a kill -9 included): exclusive for a single node, shared for cluster nodes, so a single node next to
/// any other node, or cluster nodes next to a single node, is refused.
/// </summary>
internal sealed class PostgreSqlNodeLease(string connectionString) : INodeLease, IAsyncDisposable
{
    /// <summary>"LibNode" in ASCII; any fixed key every node of this app shares, other than the migration lock's.</summary>
    internal const long NodeLockKey = 0x4C69624E6F6465;

    private NpgsqlConnection? _connection;

    public async Task ClaimAsync(bool clustered, CancellationToken cancellationToken)
    {
        var dedicated = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 30 };
        var connection = new NpgsqlConnection(dedicated.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            clustered ? "SELECT pg_try_advisory_lock_shared(@key)" : "SELECT pg_try_advisory_lock(@key)", connection);
        command.Parameters.AddWithValue("key", NodeLockKey);
        if (await command.ExecuteScalarAsync(cancellationToken) is true)
        {
            _connection = connection;
            return;
        }

        await connection.DisposeAsync();
        throw new StartupConfigurationException(clustered
            ? "A single-node Library (no ConnectionStrings:Redis) is running on this PostgreSQL database; stop it, or restart it with " +
              "ConnectionStrings:Redis, before starting cluster nodes."
            : "Another Library node is running on this PostgreSQL database and this one has no ConnectionStrings:Redis: nodes that " +
              "share a database must all be cluster nodes (ConnectionStrings:Redis on each), or stop the other node first.");
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _connection, null) is { } connection)
        {
            await connection.DisposeAsync();
        }
    }
}
