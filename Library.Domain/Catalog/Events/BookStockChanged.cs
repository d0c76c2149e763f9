using Library.Domain.Common;

namespace Library.Domain.Catalog.Events;

public sealed record BookStockChanged(Guid EventId, DateTimeOffset OccurredAt, int BookId, int AvailableCopies, int TotalCopies)
    : DomainEvent(EventId, OccurredAt);
