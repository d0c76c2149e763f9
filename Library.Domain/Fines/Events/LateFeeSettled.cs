using Library.Domain.Common;

namespace Library.Domain.Fines.Events;

/// <summary>A fee stopped being owed: paid, or waived with a reason.</summary>
public sealed record LateFeeSettled(
    Guid EventId, DateTimeOffset OccurredAt, Guid FeeId, string PatronId, long Amount, FeeStatus Status, string? Reason)
    : DomainEvent(EventId, OccurredAt);
