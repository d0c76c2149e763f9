using Library.Domain.Common;

namespace Library.Domain.Lending.Holds.Events;

/// <summary>The patron or a librarian cancelled the hold; a held copy passed on.</summary>
public sealed record HoldCancelled(Guid EventId, DateTimeOffset OccurredAt, Guid HoldId, string PatronId, int BookId, bool WasReady, string? Reason, bool ByLibrarian) : DomainEvent(EventId, OccurredAt);
