namespace Library.Web.Infrastructure.Persistence;

/// <summary>
/// Serializes write transactions in this process where the store needs it: SQLite allows one writer at a time and answers
/// contention with busy-waits, so queueing writers in-process removes those tails (<c>SqliteWriteGate</c>). PostgreSQL has row
/// locks and many writers: <see cref="NoWriteGate"/>.
/// </summary>
public interface IWriteGate
{
    ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken);
}
