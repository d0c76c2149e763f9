namespace Library.Web.Infrastructure.Persistence;

/// <summary>
/// Recognises "this row exists already" from a unique index or primary key, the one provider-specific question feature code
/// asks about a failed write, and failures that running the same transaction again cures (the write path's retries). One implementation per provider (<c>Sqlite/</c>, <c>PostgreSql/</c>), chosen where the provider is.
/// </summary>
public interface IDbErrors
{
    /// <param name="exception">What the write threw (a DbUpdateException or the provider's own exception); inner exceptions are searched.</param>
    /// <param name="column">
    /// "Table.Column" of the unique index that must have been hit (e.g. "Books.Isbn"), or null for any unique index or primary key.
    /// </param>
    bool IsUniqueViolation(Exception exception, string? column = null);

    /// <summary>
    /// The store gave up on the transaction because of other transactions, not because of what it does: a deadlock
    /// (PostgreSQL 40P01) or a serialization failure (40001). Running the whole transaction again is expected to succeed.
    /// </summary>
    bool IsTransient(Exception exception);
}
