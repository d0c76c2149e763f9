using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Library.Bench;

/// <summary>
/// The store the benchmarked app runs on: a SQLite file in the app's data directory, or a database of its own on a
/// PostgreSQL server (<c>--provider postgresql</c>; the server from <c>--postgres</c> or LIBRARY_BENCH_POSTGRES, which
/// bench/run.sh starts when neither is given). The app creates and migrates that database itself.
/// </summary>
internal sealed class BenchStore(string provider, string? server)
{
    public bool IsPostgreSql { get; } = provider.Equals("postgresql", StringComparison.OrdinalIgnoreCase);

    public string Name => IsPostgreSql ? "PostgreSQL" : "SQLite";

    public string AppConnectionString(string dataDirectory) => IsPostgreSql
        ? new NpgsqlConnectionStringBuilder(server) { Database = DatabaseName(dataDirectory) }.ConnectionString
        : $"Data Source={Path.Combine(dataDirectory, "library.db")}";

    public DbConnection Open(string dataDirectory)
    {
        DbConnection connection = IsPostgreSql
            ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(AppConnectionString(dataDirectory)) { Pooling = false }.ConnectionString)
            : new SqliteConnection($"{AppConnectionString(dataDirectory)};Pooling=False;Default Timeout=30");
        connection.Open();
        return connection;
    }

    /// <summary>SQL comparing a Guid column with a value (TEXT of either case on SQLite, uuid on PostgreSQL).</summary>
    public string GuidEquals(string column, Guid id) => IsPostgreSql ? $"{column} = '{id}'::uuid" : $"upper({column}) = upper('{id}')";

    private static string DatabaseName(string dataDirectory) =>
        "library_bench_" + new string(Path.GetFileName(dataDirectory).Where(char.IsAsciiLetterOrDigit).ToArray()).ToLowerInvariant();
}
