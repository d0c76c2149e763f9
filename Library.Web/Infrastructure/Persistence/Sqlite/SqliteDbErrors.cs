using Microsoft.Data.Sqlite;

namespace Library.Web.Infrastructure.Persistence.Sqlite;

/// <summary>
/// SQLite reports a unique violation as SQLITE_CONSTRAINT_UNIQUE (2067) or SQLITE_CONSTRAINT_PRIMARYKEY (1555), naming
/// the columns in its message: "UNIQUE constraint failed: Books.Isbn".
/// </summary>
internal sealed class SqliteDbErrors : IDbErrors
{
    private const int ConstraintUnique = 2067;
    private const int ConstraintPrimaryKey = 1555;

    public bool IsUniqueViolation(Exception exception, string? column = null)
    {
        for (var ex = (Exception?)exception; ex is not null; ex = ex.InnerException)
        {
            if (ex is SqliteException { SqliteExtendedErrorCode: ConstraintUnique or ConstraintPrimaryKey } sqlite)
            {
                return column is null || NamesColumn(sqlite.Message, column);
            }
        }

        return false;
    }

    /// <summary>One writer at a time (the write gate, BEGIN IMMEDIATE with a busy timeout): SQLite has no deadlocks to retry.</summary>
    public bool IsTransient(Exception exception) => false;

    // The message lists every column of the index: "SQLite Error 19: 'UNIQUE constraint failed: ProcessedEvents.EventId, ProcessedEvents.Handler'."
    private static bool NamesColumn(string message, string column)
    {
        var colon = message.LastIndexOf(':');
        return colon >= 0 && message[(colon + 1)..].Trim(' ', '\'', '"', '.').Split(',', StringSplitOptions.TrimEntries)
            .Contains(column, StringComparer.Ordinal);
    }
}
