using Library.Web.Infrastructure.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Library.Web.Infrastructure.Persistence.PostgreSql;

/// <summary>
/// Claims the oldest due messages with <c>FOR UPDATE SKIP LOCKED</c>: another node's dispatcher skips the rows this
/// transaction holds and takes the next ones, so several dispatchers split the outbox instead of queueing behind one
/// another. A node that dies mid-delivery loses its connection, PostgreSQL rolls its transaction back and unlocks the rows,
/// and the next poll of any node (Outbox:PollInterval) delivers them.
/// </summary>
internal sealed class PostgreSqlOutboxClaim : IOutboxClaim
{
    public Task<List<OutboxMessage>> ClaimDueAsync(LibraryDbContext db, DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        db.OutboxMessages.FromSql($"""
                SELECT * FROM "OutboxMessages"
                WHERE "ProcessedAt" IS NULL AND "FailedAt" IS NULL AND ("NextAttemptAt" IS NULL OR "NextAttemptAt" <= {now})
                ORDER BY "OccurredAt"
                LIMIT {limit}
                FOR UPDATE SKIP LOCKED
                """)
            .AsNoTracking()
            .ToListAsync(cancellationToken);
}
