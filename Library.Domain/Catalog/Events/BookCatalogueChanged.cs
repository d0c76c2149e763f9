using Library.Domain.Common;

namespace Library.Domain.Catalog.Events;

public enum BookCatalogueChange
{
    Added = 0,
    Edited = 1,
    Archived = 2,
    Restored = 3,
    Removed = 4,
}

/// <summary>
/// A title appeared in, changed in or left the catalogue (stock changes are <see cref="BookStockChanged"/>).
/// Open catalogue pages refresh on it.
/// </summary>
public sealed record BookCatalogueChanged(Guid EventId, DateTimeOffset OccurredAt, int BookId, BookCatalogueChange Change)
    : DomainEvent(EventId, OccurredAt);
