using Library.Domain.Common;

namespace Library.Domain.Lending.Holds.Events;

/// <summary>A ready hold passed its pickup deadline; its copy passed on.</summary>
public sealed record HoldExpired(Guid EventId, DateTimeOffset OccurredAt, Guid HoldId, string PatronId, int BookId, int CopyId) : DomainEvent(EventId, OccurredAt);
