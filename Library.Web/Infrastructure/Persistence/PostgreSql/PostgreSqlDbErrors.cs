using Npgsql;

namespace Library.Web.Infrastructure.Persistence.PostgreSql;

/// <summary>
/// PostgreSQL reports a unique violation as SQLSTATE 23505 with the table and the index (constraint) name. EF Core names
/// a unique index <c>IX_Table_Column[_Column…]</c> and a primary key <c>PK_Table</c>, so "Books.Isbn" is the index
/// <c>IX_Books_Isbn</c> on table <c>Books</c>; the detail (<c>Key ("Isbn")=(…) already exists.</c>) is checked as well,
/// in case an index was given its own name. Deadlocks (40P01) and serialization failures (40001) are transient: two nodes'
/// batched writes can lock the same rows in opposite orders, and PostgreSQL then aborts one transaction.
/// </summary>
internal sealed class PostgreSqlDbErrors : IDbErrors
{
    public bool IsUniqueViolation(Exception exception, string? column = null)
    {
        for (var ex = (Exception?)exception; ex is not null; ex = ex.InnerException)
        {
            if (ex is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } postgres)
            {
                return column is null || Names(postgres, column);
            }
        }

        return false;
    }

    public bool IsTransient(Exception exception)
    {
        for (var ex = (Exception?)exception; ex is not null; ex = ex.InnerException)
        {
            if (ex is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure })
            {
                return true;
            }
        }

        return false;
    }

    private static bool Names(PostgresException error, string qualifiedColumn)
    {
        var dot = qualifiedColumn.IndexOf('.');
        var (table, column) = dot < 0 ? ((string?)null, qualifiedColumn) : (qualifiedColumn[..dot], qualifiedColumn[(dot + 1)..]);
        if (table is not null && error.TableName is { } actualTable && !actualTable.Equals(table, StringComparison.Ordinal))
        {
            return false;
        }

        return IndexCovers(error.ConstraintName, table, column) || DetailNames(error.Detail, column);
    }

    // IX_Books_Isbn, IX_ProcessedEvents_EventId_Handler: the columns follow the table name.
    private static bool IndexCovers(string? constraint, string? table, string column)
    {
        if (constraint is null || !constraint.StartsWith("IX_", StringComparison.Ordinal))
        {
            return false;
        }

        var rest = constraint[3..];
        if (table is not null)
        {
            if (!rest.StartsWith(table + "_", StringComparison.Ordinal))
            {
                return false;
            }

            rest = rest[(table.Length + 1)..];
        }

        return rest.Split('_').Contains(column, StringComparer.Ordinal); // our column names have no underscores
    }

    // Key ("Isbn")=(9780000000001) already exists.  /  Key ("EventId", "Handler")=(…) already exists.
    private static bool DetailNames(string? detail, string column)
    {
        if (detail is null || !detail.StartsWith("Key (", StringComparison.Ordinal))
        {
            return false;
        }

        var end = detail.IndexOf(")=", StringComparison.Ordinal);
        return end > 5 && detail[5..end].Split(',', StringSplitOptions.TrimEntries)
            .Any(c => c.Trim('"').Equals(column, StringComparison.Ordinal));
    }
}
