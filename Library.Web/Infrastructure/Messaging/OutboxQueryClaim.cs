using Library.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Library.Web.Infrastructure.Messaging;

/// <summary>
/// The oldest due messages, read without locks: right where one writer at a time holds the write gate (SQLite), so no other
/// dispatcher can read the same messages before this transaction commits.
/// </summary>
internal sealed class OutboxQueryClaim : IOutboxClaim
{
    public Task<List<OutboxMessage>> ClaimDueAsync(LibraryDbContext db, DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        db.OutboxMessages.AsNoTracking()
            .Where(m => m.ProcessedAt == null && m.FailedAt == null && (m.NextAttemptAt == null || m.NextAttemptAt <= now))
            .OrderBy(m => m.OccurredAt)
            .Take(limit)
            .ToListAsync(cancellationToken);
}
