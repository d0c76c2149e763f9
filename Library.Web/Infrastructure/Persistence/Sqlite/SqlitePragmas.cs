using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Library.Web.Infrastructure.Persistence.Sqlite;

/// <summary>
/// SQLite-only: per-connection settings (they do not persist in the file), applied on every open.
/// WAL itself persists and is set once by the initializer. Also replaces SQLite's built-in <c>upper()</c>, which folds
/// ASCII only, with .NET's invariant upper-casing, so case-insensitive matching (<see cref="CaseInsensitiveContains"/>)
/// treats "É" and "é", "Д" and "д" alike as PostgreSQL does. Nothing in the schema (indexes, triggers) uses upper().
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public const string PerConnection = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";
    public const string EnableWal = "PRAGMA journal_mode=WAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        if (connection is SqliteConnection sqlite)
        {
            sqlite.CreateFunction("upper", (string? text) => text?.ToUpperInvariant(), isDeterministic: true);
        }

        using var command = connection.CreateCommand();
        command.CommandText = PerConnection;
        command.ExecuteNonQuery();
    }
}
