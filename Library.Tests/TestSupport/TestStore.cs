using Npgsql;

namespace Library.Tests.TestSupport;

/// <summary>
/// Which store the test run uses: SQLite unless <c>LIBRARY_TEST_PROVIDER=PostgreSQL</c>, then the server in
/// <c>LIBRARY_TEST_POSTGRES</c> (a connection string without a database; test.sh starts a private server and sets both).
/// test.sh runs the store-touching tests (Integration, Admin, Accounts, the reference scenario in the browser) a second time
/// on PostgreSQL, except those marked <c>[Trait("Store", "SqliteOnly")]</c> (about a SQLite file, or starting their own processes);
/// the SQLite pass leaves out those marked <c>[Trait("Store", "PostgreSqlOnly")]</c>.
/// </summary>
public static class TestStore
{
    public const string Sqlite = "Sqlite";
    public const string PostgreSql = "PostgreSQL";
    public const string Trait = "Store";
    public const string SqliteOnly = "SqliteOnly";
    public const string PostgreSqlOnly = "PostgreSqlOnly";

    public static string Provider { get; } =
        string.Equals(Environment.GetEnvironmentVariable("LIBRARY_TEST_PROVIDER"), PostgreSql, StringComparison.OrdinalIgnoreCase) ? PostgreSql : Sqlite;

    public static string Server => Environment.GetEnvironmentVariable("LIBRARY_TEST_POSTGRES")
        ?? throw new InvalidOperationException("LIBRARY_TEST_POSTGRES is not set: run the PostgreSQL pass through ./test.sh.");

    public static string DatabaseConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(Server) { Database = database }.ConnectionString;

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
