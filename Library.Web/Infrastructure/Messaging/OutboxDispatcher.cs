using System.Collections.Concurrent;
using System.Reflection;
using Library.Domain.Common;
using Library.Domain.Messaging;
using Library.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Library.Web.Infrastructure.Messaging;

/// <summary>
/// Delivers committed outbox messages to every registered handler, each in its own DI scope and transaction,
/// recording (event id, handler) so a redelivered event is applied once. Failures are retried with backoff;
/// a message that keeps failing is kept with its error and FailedAt set.
/// </summary>
internal sealed class OutboxDispatcher(
    IServiceScopeFactory scopeFactory,
    IDbContextFactory<LibraryDbContext> dbFactory,
    EventHandlerRegistry registry,
    IWriteGate writeGate,
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
            var delivered = 0;
            while (true)
            {
                var batch = await LoadDueBatchAsync(cancellationToken);
                foreach (var message in batch)
                {
                    if (await DeliverAsync(message, cancellationToken))
                    {
                        delivered++;
                    }
                }

                if (batch.Count < options.Value.BatchSize)
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

    public async Task<int> PendingCountAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.OutboxMessages.CountAsync(m => m.ProcessedAt == null && m.FailedAt == null, cancellationToken);
    }

    private async Task<List<OutboxMessage>> LoadDueBatchAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.OutboxMessages.AsNoTracking()
            .Where(m => m.ProcessedAt == null && m.FailedAt == null && (m.NextAttemptAt == null || m.NextAttemptAt <= now))
            .OrderBy(m => m.OccurredAt)
            .Take(options.Value.BatchSize)
            .ToListAsync(cancellationToken);
    }

    private async Task<bool> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        try
        {
            var domainEvent = EventTypeRegistry.Deserialize(message);
            foreach (var handlerType in registry.HandlersFor(domainEvent.GetType()))
            {
                await RunHandlerOnceAsync(handlerType, domainEvent, cancellationToken);
            }

            await UpdateMessageAsync(message.Id, m => m
                .SetProperty(x => x.ProcessedAt, clock.GetUtcNow())
                .SetProperty(x => x.Attempts, message.Attempts + 1), cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await RecordFailureAsync(message, ex, cancellationToken);
            return false;
        }
    }

    private async Task RunHandlerOnceAsync(Type handlerType, IDomainEvent domainEvent, CancellationToken cancellationToken)
    {
        var handlerName = EventHandlerRegistry.NameOf(handlerType);
        using var _ = await writeGate.EnterAsync(cancellationToken);
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LibraryDbContext>();
        if (await db.ProcessedEvents.AnyAsync(p => p.EventId == domainEvent.EventId && p.Handler == handlerName, cancellationToken))
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var handler = scope.ServiceProvider.GetRequiredService(handlerType);
        await InvokerFor(domainEvent.GetType())(handler, domainEvent, cancellationToken);
        db.ProcessedEvents.Add(new ProcessedEvent
        {
            EventId = domainEvent.EventId,
            Handler = handlerName,
            ProcessedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<AfterCommit>().RunAsync();
    }

    private async Task RecordFailureAsync(OutboxMessage message, Exception ex, CancellationToken cancellationToken)
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

        await UpdateMessageAsync(message.Id, m => m
            .SetProperty(x => x.Attempts, attempts)
            .SetProperty(x => x.LastError, error)
            .SetProperty(x => x.NextAttemptAt, now + delay)
            .SetProperty(x => x.FailedAt, giveUp ? now : null), CancellationToken.None);
    }

    private async Task UpdateMessageAsync(
        Guid id,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<OutboxMessage>> setters,
        CancellationToken cancellationToken)
    {
        using var _ = await writeGate.EnterAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(setters, cancellationToken);
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
