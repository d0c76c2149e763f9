using Library.Domain.Common;

namespace Library.Domain.Lending.Events;

/// <summary>A loan's due day is near: the patron gets one reminder for this due date.</summary>
/// <param name="AutoRenewOn">The library renews loans automatically on their due day (Lending:AutoRenew).</param>
/// <param name="NotAutoRenewableBecause">When auto-renewal is on: the rule code saying why this loan will not be renewed
/// automatically (e.g. RenewalLimitReached, TitleWaitedForByOthers, PatronMustNotBeBlocked, AutoRenewOptedOut); null otherwise.</param>
public sealed record LoanDueSoonReminded(
    Guid EventId, DateTimeOffset OccurredAt, Guid LoanId, string PatronId, int BookId, int QuantityOnLoan, DateTimeOffset DueAt,
    bool AutoRenewOn, string? NotAutoRenewableBecause)
    : DomainEvent(EventId, OccurredAt);
