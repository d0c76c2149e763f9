using Microsoft.Data.Sqlite;

namespace Library.Web.Infrastructure.Persistence;

/// <summary>Recognises constraint violations by provider (SQLite here; a server provider adds its own check).</summary>
internal static class DbErrors
{
    private const int SqliteConstraint = 19;

    /// <param name="column">"Table.Column" as the provider names it, e.g. "Books.Isbn".</param>
    public static bool IsUniqueViolation(Exception exception, string column)
    {
        for (var ex = (Exception?)exception; ex is not null; ex = ex.InnerException)
        {
            if (ex is SqliteException { SqliteErrorCode: SqliteConstraint } sqlite
                && sqlite.Message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase)
                && sqlite.Message.Contains(column, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
