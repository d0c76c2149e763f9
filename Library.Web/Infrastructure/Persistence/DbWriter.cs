using Microsoft.EntityFrameworkCore;

namespace Library.Web.Infrastructure.Persistence;

/// <summary>
/// Runs one use case as one write transaction: the write gate, a fresh DbContext, BEGIN (IMMEDIATE on SQLite),
/// the work, SaveChanges (which writes the outbox rows) and COMMIT. Nothing is committed if the work throws.
/// </summary>
internal sealed class DbWriter(IDbContextFactory<LibraryDbContext> dbFactory, IWriteGate writeGate)
{
    public async Task<T> ExecuteAsync<T>(Func<LibraryDbContext, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        using var _ = await writeGate.EnterAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await work(db, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
