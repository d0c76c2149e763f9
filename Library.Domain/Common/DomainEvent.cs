namespace Library.Domain.Common;

/// <summary>Base for domain events: immutable records that carry ids and values, never entities.</summary>
public abstract record DomainEvent(Guid EventId, DateTimeOffset OccurredAt) : IDomainEvent;
