using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace Library.Web.Infrastructure.Persistence;

/// <summary>
/// Runs each use case as its own unit of work with group commit: one writer loop takes the queued writes and runs them one
/// after another in ONE transaction (BEGIN IMMEDIATE on SQLite), each in its own savepoint, on one DbContext whose change
/// tracker is cleared between writes; it commits once and only then answers every caller. A write that throws rolls back
/// to its savepoint alone and its caller gets the exception. Callers see the contract of a transaction per call: when
/// <see cref="ExecuteAsync{T}"/> returns, the change (and its outbox rows) is committed.
/// </summary>
/// <remarks>
/// Why: SQLite has one writer. With a transaction per request every hand-over of the write gate waits for a thread-pool
/// turn and pays a commit and a DbContext; batching pays them once per batch (README, Performance).
/// </remarks>
internal sealed class DbWriter : IAsyncDisposable
{
    /// <summary>How often a write runs when other writers keep changing what it read (optimistic concurrency).</summary>
    private const int MaxAttempts = 5;

    /// <summary>How often a whole batch runs when the store aborts its transaction for a deadlock or serialization failure.</summary>
    private const int MaxBatchAttempts = 4;

    private readonly int _maxWritesPerTransaction;
    private readonly IDbContextFactory<LibraryDbContext> _dbFactory;
    private readonly IWriteGate _writeGate;
    private readonly IDbErrors _dbErrors;
    private readonly ILogger<DbWriter> _logger;
    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;

    public DbWriter(
        IDbContextFactory<LibraryDbContext> dbFactory,
        IWriteGate writeGate,
        IDbErrors dbErrors,
        IOptions<DbWriterOptions> options,
        ILogger<DbWriter> logger)
    {
        _maxWritesPerTransaction = Math.Max(1, options.Value.MaxWritesPerTransaction);
        _dbFactory = dbFactory;
        _writeGate = writeGate;
        _dbErrors = dbErrors;
        _logger = logger;
        _loop = Task.Run(RunAsync);
    }

    /// <param name="work">The use case. It may read and change anything through the DbContext it is given; it must not
    /// begin its own transaction. It runs on the writer loop, so it must not wait for another write.</param>
    /// <param name="cancellationToken">Cancels the write while it waits, or (if the work honours it) while it runs.</param>
    public async Task<T> ExecuteAsync<T>(Func<LibraryDbContext, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var pending = new PendingWrite<T>(work, cancellationToken);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(DbWriter), "The application is shutting down.");
        }

        return await pending.Task;
    }

    private async Task RunAsync()
    {
        var batch = new List<PendingWrite>(_maxWritesPerTransaction);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < _maxWritesPerTransaction && _queue.Reader.TryRead(out var pending))
            {
                if (pending.CancellationToken.IsCancellationRequested)
                {
                    pending.Cancel();
                }
                else
                {
                    batch.Add(pending);
                }
            }

            if (batch.Count == 0)
            {
                continue;
            }

            try
            {
                await WriteBatchWithRetriesAsync(batch);
                foreach (var pending in batch)
                {
                    pending.Answer();
                }
            }
            catch (Exception ex)
            {
                // The transaction itself failed (e.g. the disk is full): nothing of the batch was committed.
                _logger.LogError(ex, "A write transaction of {Count} writes failed; none was committed", batch.Count);
                foreach (var pending in batch)
                {
                    pending.Fail(ex);
                }
            }

            batch.Clear();
        }
    }

    /// <summary>
    /// With several nodes on PostgreSQL, two batches can lock the same rows in opposite orders (a deadlock, 40P01) or, at a
    /// stricter isolation level, conflict (40001): the store aborts one transaction as a whole, so the whole batch runs again
    /// from a clean slate (every write's earlier attempt was rolled back with it). Callers only ever see the committed run.
    /// </summary>
    private async Task WriteBatchWithRetriesAsync(List<PendingWrite> batch)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await WriteBatchAsync(batch);
                return;
            }
            catch (Exception ex) when (attempt < MaxBatchAttempts && _dbErrors.IsTransient(ex))
            {
                _logger.LogWarning("A write transaction of {Count} writes was aborted by the store ({Reason}); running it again (attempt {Attempt})",
                    batch.Count, ex.GetBaseException().Message, attempt + 1);
                foreach (var pending in batch)
                {
                    pending.Reset();
                }
            }
        }
    }

    private async Task WriteBatchAsync(List<PendingWrite> batch)
    {
        using var _ = await _writeGate.EnterAsync(CancellationToken.None);
        await using var db = await _dbFactory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var dbTransaction = transaction.GetDbTransaction();
        for (var i = 0; i < batch.Count; i++)
        {
            var pending = batch[i];
            if (pending.CancellationToken.IsCancellationRequested)
            {
                // The caller gave up while the batch waited for the gate: its work never runs.
                pending.Failed(new OperationCanceledException(pending.CancellationToken));
                continue;
            }

            var savepoint = "w" + i;
            for (var attempt = 1; ; attempt++)
            {
                await dbTransaction.SaveAsync(savepoint);
                try
                {
                    await pending.RunAsync(db);
                    await db.SaveChangesAsync(pending.CancellationToken);
                    await dbTransaction.ReleaseAsync(savepoint);
                    break;
                }
                catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
                {
                    // Another writer (another node on PostgreSQL) changed a row this write read (e.g. a book's stock) since
                    // it was read: run the write again on what is there now; its rules decide afresh.
                    await dbTransaction.RollbackAsync(savepoint);
                    await dbTransaction.ReleaseAsync(savepoint);
                }
                catch (Exception ex) when (_dbErrors.IsTransient(ex))
                {
                    // The store aborted the whole transaction (not just this write): the batch runs again.
                    throw;
                }
                catch (Exception ex)
                {
                    await dbTransaction.RollbackAsync(savepoint);
                    await dbTransaction.ReleaseAsync(savepoint);
                    pending.Failed(ex);
                    break;
                }
                finally
                {
                    // The next write (or attempt) starts from a clean slate, as if it had a DbContext of its own.
                    db.ChangeTracker.Clear();
                }
            }
        }

        await transaction.CommitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    private abstract class PendingWrite(CancellationToken cancellationToken)
    {
        public CancellationToken CancellationToken { get; } = cancellationToken;

        public abstract Task RunAsync(LibraryDbContext db);

        /// <summary>The work threw; its savepoint was rolled back. Reported once the batch is over.</summary>
        public abstract void Failed(Exception exception);

        /// <summary>The batch committed: hand out the result or the work's own exception.</summary>
        public abstract void Answer();

        /// <summary>The batch's transaction was aborted: forget what the work did, it runs again.</summary>
        public abstract void Reset();

        public abstract void Fail(Exception exception);

        public abstract void Cancel();
    }

    private sealed class PendingWrite<T>(Func<LibraryDbContext, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
        : PendingWrite(cancellationToken)
    {
        private readonly TaskCompletionSource<T> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T _result = default!;
        private Exception? _exception;

        public Task<T> Task => _answer.Task;

        public override async Task RunAsync(LibraryDbContext db) => _result = await work(db, CancellationToken);

        public override void Failed(Exception exception) => _exception = exception;

        public override void Answer()
        {
            if (_exception is OperationCanceledException && CancellationToken.IsCancellationRequested)
            {
                _answer.TrySetCanceled(CancellationToken);
            }
            else if (_exception is not null)
            {
                _answer.TrySetException(_exception);
            }
            else
            {
                _answer.TrySetResult(_result);
            }
        }

        public override void Reset()
        {
            _result = default!;
            _exception = null;
        }

        public override void Fail(Exception exception) => _answer.TrySetException(exception);

        public override void Cancel() => _answer.TrySetCanceled(CancellationToken);
    }
}
