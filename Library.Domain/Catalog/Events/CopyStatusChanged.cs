using Library.Domain.Catalog.Copies;
using Library.Domain.Common;

namespace Library.Domain.Catalog.Events;

/// <summary>A librarian moved a copy in or out of circulation (lost, damaged, withdrawn, found, repaired).</summary>
public sealed record CopyStatusChanged(
    Guid EventId, DateTimeOffset OccurredAt, int BookId, int CopyId, string Barcode, CopyStatus From, CopyStatus To)
    : DomainEvent(EventId, OccurredAt);
