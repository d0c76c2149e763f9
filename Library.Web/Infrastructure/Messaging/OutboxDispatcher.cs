using System.Collections.Concurrent;
using System.Reflection;
using Library.Domain.Common;
using Library.Domain.Messaging;
using Library.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace Library.Web.Infrastructure.Messaging;

/// <summary>
/// Delivers committed outbox messages to every registered handler, each in its own savepoint (one DI scope per batch),
/// recording (event id, handler) with the handler's changes so a redelivered event is applied once. Failures are retried with backoff;
/// a message that keeps failing is kept with its error and FailedAt set.
/// </summary>
internal sealed class OutboxDispatcher(
    IServiceScopeFactory scopeFactory,
    IDbContextFactory<LibraryDbContext> dbFactory,
    EventHandlerRegistry registry,
    IWriteGate writeGate,
    IOutboxClaim claim,
    TimeProvider clock,
    IOptions<OutboxOptions> options,
    ILogger<OutboxDispatcher> logger)
{
    private static readonly ConcurrentDictionary<Type, Func<object, IDomainEvent, CancellationToken, Task>> Invokers = new();
    private readonly SemaphoreSlim _onePassAtATime = new(1, 1);

    /// <returns>How many messages were delivered completely.</returns>
    public async Task<int> DispatchPendingAsync(CancellationToken cancellationToken)
    {
        await _onePassAtATime.WaitAsync(cancellationToken);
        try
        {
            var limit = Math.Max(1, options.Value.MessagesPerTransaction);
            var delivered = 0;
            // A plain read first: an idle pass (most of them, since every commit signals one) takes neither the write gate
            // nor a transaction.
            if (!await AnyDueAsync(cancellationToken))
            {
                return 0;
            }

            while (true)
            {
                var (claimed, deliveredNow) = await DeliverNextAsync(limit, cancellationToken);
                delivered += deliveredNow;
                // A message that failed now waits for its retry time, so a full claim means there may be more due.
                if (claimed < limit)
                {
                    return delivered;
                }
            }
        }
        finally
        {
            _onePassAtATime.Release();
        }
    }

    private async Task<bool> AnyDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.OutboxMessages.AnyAsync(
            m => m.ProcessedAt == null && m.FailedAt == null && (m.NextAttemptAt == null || m.NextAttemptAt <= now), cancellationToken);
    }

    public async Task<int> PendingCountAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.OutboxMessages.CountAsync(m => m.ProcessedAt == null && m.FailedAt == null, cancellationToken);
    }

    /// <summary>
    /// Claims up to <paramref name="limit"/> due messages and delivers them in ONE transaction (group commit): each (message,
    /// handler) runs on the shared connection inside its own savepoint, so a failing handler rolls back alone while the rest
    /// commit together. The claim is part of the transaction (<see cref="IOutboxClaim"/>): on PostgreSQL another node's
    /// dispatcher skips these messages until the commit.
    /// </summary>
    /// <returns>How many messages were claimed, and how many of them were delivered completely.</returns>
    private async Task<(int Claimed, int Delivered)> DeliverNextAsync(int limit, CancellationToken cancellationToken)
    {
        var deliveredEvents = new List<IDomainEvent>();
        var claimed = 0;

        // One DI scope and DbContext for the whole batch (creating them per handler cost a quarter of the batch): each
        // handler still runs in its own savepoint, and the change tracker and after-commit list are reset when one fails.
        await using var scope = scopeFactory.CreateAsyncScope();
        var handlerDb = scope.ServiceProvider.GetRequiredService<LibraryDbContext>();
        var afterCommit = scope.ServiceProvider.GetRequiredService<AfterCommit>();
        using (await writeGate.EnterAsync(cancellationToken))
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var connection = db.Database.GetDbConnection();
            var dbTransaction = transaction.GetDbTransaction();
            var savepoint = 0;
            var batch = await claim.ClaimDueAsync(db, clock.GetUtcNow(), limit, cancellationToken);
            if (batch.Count == 0)
            {
                return (0, 0);
            }

            claimed = batch.Count;
            var eventIds = batch.Select(m => m.Id).ToList();
            var alreadyApplied = (await db.ProcessedEvents
                    .Where(p => eventIds.Contains(p.EventId))
                    .Select(p => new { p.EventId, p.Handler })
                    .ToListAsync(cancellationToken))
                .Select(p => (p.EventId, p.Handler))
                .ToHashSet();
            var deliveredIds = new List<Guid>();
            handlerDb.Database.SetDbConnection(connection, contextOwnsConnection: false);
            await handlerDb.Database.UseTransactionAsync(dbTransaction, cancellationToken);
            foreach (var message in batch)
            {
                Exception? failure = null;
                IDomainEvent? domainEvent = null;
                try
                {
                    domainEvent = EventTypeRegistry.Deserialize(message);
                }
                catch (Exception ex) when (ex is InvalidOperationException or System.Text.Json.JsonException)
                {
                    // An unknown name or a broken payload: retried with backoff like a failing handler (in a rolling
                    // update a newer instance may know the name), then parked with the reason; the batch goes on.
                    failure = ex;
                }

                foreach (var handlerType in domainEvent is null ? [] : registry.HandlersFor(domainEvent.GetType()))
                {
                    var handlerName = registry.NameOf(handlerType);
                    if (alreadyApplied.Contains((domainEvent!.EventId, handlerName)))
                    {
                        continue;
                    }

                    var name = "h" + ++savepoint;
                    await dbTransaction.SaveAsync(name, cancellationToken);
                    var afterCommitMark = afterCommit.Count;
                    try
                    {
                        var handler = scope.ServiceProvider.GetRequiredService(handlerType);
                        await InvokerFor(domainEvent!.GetType())(handler, domainEvent, cancellationToken);
                        handlerDb.ProcessedEvents.Add(new ProcessedEvent
                        {
                            EventId = domainEvent.EventId,
                            Handler = handlerName,
                            ProcessedAt = clock.GetUtcNow(),
                        });
                        await handlerDb.SaveChangesAsync(cancellationToken);
                        await dbTransaction.ReleaseAsync(name, cancellationToken);
                    }
                    catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                    {
                        await dbTransaction.RollbackAsync(name, cancellationToken);
                        afterCommit.DiscardFrom(afterCommitMark);
                        failure = ex;
                        break;
                    }
                    finally
                    {
                        handlerDb.ChangeTracker.Clear();
                    }
                }

                if (failure is null)
                {
                    deliveredIds.Add(message.Id);
                    deliveredEvents.Add(domainEvent!);
                }
                else
                {
                    await RecordFailureAsync(db, message, failure, cancellationToken);
                }
            }

            if (deliveredIds.Count > 0)
            {
                var now = clock.GetUtcNow();
                await db.OutboxMessages.Where(m => deliveredIds.Contains(m.Id)).ExecuteUpdateAsync(m => m
                    .SetProperty(x => x.ProcessedAt, now)
                    .SetProperty(x => x.Attempts, x => x.Attempts + 1), cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        await afterCommit.RunAsync();

        await RunLiveHandlersAsync(deliveredEvents, cancellationToken);
        return (claimed, deliveredEvents.Count);
    }

    /// <summary>
    /// Live handlers (pushing to open pages and hub clients) keep no state, so they run after the commit, outside the
    /// write gate, with no processed-event record. A crash between commit and push loses only a screen refresh.
    /// </summary>
    private async Task RunLiveHandlersAsync(IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken)
    {
        foreach (var domainEvent in events)
        {
            foreach (var handlerType in registry.LiveHandlersFor(domainEvent.GetType()))
            {
                try
                {
                    await using var scope = scopeFactory.CreateAsyncScope();
                    var handler = scope.ServiceProvider.GetRequiredService(handlerType);
                    await InvokerFor(domainEvent.GetType())(handler, domainEvent, cancellationToken);
                    await scope.ServiceProvider.GetRequiredService<AfterCommit>().RunAsync();
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Live handler {Handler} failed for event {EventId}", registry.NameOf(handlerType), domainEvent.EventId);
                }
            }
        }
    }

    private async Task RecordFailureAsync(LibraryDbContext db, OutboxMessage message, Exception ex, CancellationToken cancellationToken)
    {
        var attempts = message.Attempts + 1;
        var now = clock.GetUtcNow();
        var giveUp = attempts >= options.Value.MaxAttempts;
        var delay = TimeSpan.FromTicks(Math.Min(
            options.Value.MaxRetryDelay.Ticks,
            options.Value.FirstRetryDelay.Ticks * (1L << Math.Min(attempts - 1, 20))));
        var error = ex.ToString();
        error = error.Length > 4000 ? error[..4000] : error;
        if (giveUp)
        {
            logger.LogError(ex, "Outbox message {MessageId} ({Type}) failed {Attempts} times and is parked", message.Id, message.Type, attempts);
        }
        else
        {
            logger.LogWarning(ex, "Outbox message {MessageId} ({Type}) failed, retry {Attempts} in {Delay}", message.Id, message.Type, attempts, delay);
        }

        await db.OutboxMessages.Where(m => m.Id == message.Id).ExecuteUpdateAsync(m => m
            .SetProperty(x => x.Attempts, attempts)
            .SetProperty(x => x.LastError, error)
            .SetProperty(x => x.NextAttemptAt, now + delay)
            .SetProperty(x => x.FailedAt, giveUp ? now : null), cancellationToken);
    }

    private static Func<object, IDomainEvent, CancellationToken, Task> InvokerFor(Type eventType) =>
        Invokers.GetOrAdd(eventType, static t => typeof(OutboxDispatcher)
            .GetMethod(nameof(Invoke), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(t)
            .CreateDelegate<Func<object, IDomainEvent, CancellationToken, Task>>());

    private static Task Invoke<TEvent>(object handler, IDomainEvent domainEvent, CancellationToken cancellationToken)
        where TEvent : IDomainEvent =>
        ((IEventHandler<TEvent>)handler).HandleAsync((TEvent)domainEvent, cancellationToken);
}
