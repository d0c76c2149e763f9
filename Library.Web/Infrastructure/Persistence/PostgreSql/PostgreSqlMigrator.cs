using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Library.Web.Infrastructure.Persistence.PostgreSql;

/// <summary>
/// Creates the database when it is missing (if the user may) and migrates and seeds it under a session advisory lock, so two
/// nodes starting at the same moment never both migrate or seed: the second waits, then finds nothing to do.
/// </summary>
internal sealed class PostgreSqlMigrator(string connectionString, IDbContextFactory<LibraryDbContext> dbFactory, ILogger<PostgreSqlMigrator> logger)
    : IStoreMigrator
{
    /// <summary>Any fixed 64-bit key shared by every node of this app ("Library" in ASCII).</summary>
    internal const long MigrationLockKey = 0x4C69627261727900;

    public async Task MigrateAsync(Func<Task> seed, CancellationToken cancellationToken)
    {
        await CreateDatabaseIfMissingAsync(cancellationToken);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection))
        {
            lockCommand.Parameters.AddWithValue("key", MigrationLockKey);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                await db.Database.MigrateAsync(cancellationToken);
            }

            await seed();
        }
        finally
        {
            await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
            unlock.Parameters.AddWithValue("key", MigrationLockKey);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private async Task CreateDatabaseIfMissingAsync(CancellationToken cancellationToken)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var name = target.Database;
        if (string.IsNullOrEmpty(name))
        {
            return;
        }

        var maintenance = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        try
        {
            await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
            exists.Parameters.AddWithValue("name", name);
            if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
            {
                return;
            }

            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name.Replace("\"", "\"\"")}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
            logger.LogInformation("Created the PostgreSQL database {Database}", name);
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DuplicateDatabase)
        {
            // Another node created it a moment ago.
        }
        catch (PostgresException ex)
        {
            // No right to create databases, or no maintenance database to ask: the configured one should then exist.
            logger.LogInformation("Cannot check or create database {Database} ({Reason}); assuming it exists", name, ex.MessageText);
        }
    }
}
