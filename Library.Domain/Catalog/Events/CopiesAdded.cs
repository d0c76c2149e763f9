using Library.Domain.Common;

namespace Library.Domain.Catalog.Events;

public sealed record CopiesAdded(Guid EventId, DateTimeOffset OccurredAt, int BookId, IReadOnlyList<string> Barcodes)
    : DomainEvent(EventId, OccurredAt);
