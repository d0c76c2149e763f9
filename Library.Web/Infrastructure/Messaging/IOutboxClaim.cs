using Library.Web.Infrastructure.Persistence;

namespace Library.Web.Infrastructure.Messaging;

/// <summary>
/// Picks the due outbox messages one delivery transaction delivers. Called inside that transaction, so on a store with row
/// locks the messages stay claimed until it commits (or its connection dies, when the store releases them for another
/// dispatcher): several dispatchers (one per node) then never deliver the same message at the same time.
/// One implementation per store, chosen where the provider is.
/// </summary>
internal interface IOutboxClaim
{
    Task<List<OutboxMessage>> ClaimDueAsync(LibraryDbContext db, DateTimeOffset now, int limit, CancellationToken cancellationToken);
}
