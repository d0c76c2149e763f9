using System.Text.Json;
using Library.Domain.Catalog.Events;
using Library.Domain.Common;
using Library.Domain.Fines.Events;
using Library.Domain.Lending.Events;

namespace Library.Web.Infrastructure.Messaging;

/// <summary>
/// The stable name each domain event is stored under in the outbox (<c>OutboxMessages.Type</c>), as
/// <c>module.event-in-the-past-tense</c>. A name, once released, never changes: renaming or moving the class keeps it, so
/// stored events are neither stranded nor re-applied. A new event type must be added here (a test lists every IDomainEvent).
/// </summary>
internal static class EventTypeRegistry
{
    private static readonly NameMap Names = Build(
        ("catalog.book-catalogue-changed", typeof(BookCatalogueChanged)),
        ("catalog.book-stock-changed", typeof(BookStockChanged)),
        ("catalog.copies-added", typeof(CopiesAdded)),
        ("catalog.copy-status-changed", typeof(CopyStatusChanged)),
        ("fines.lost-copy-fee-charged", typeof(LostCopyFeeCharged)),
        ("fines.late-fee-charged", typeof(LateFeeCharged)),
        ("fines.late-fee-settled", typeof(LateFeeSettled)),
        ("lending.book-borrowed", typeof(BookBorrowed)),
        ("lending.book-expired", typeof(BookExpired)),
        ("lending.book-returned", typeof(BookReturned)),
        ("lending.borrow-cancelled", typeof(BorrowCancelled)),
        ("lending.copy-loss-recorded", typeof(CopyLossRecorded)),
        ("lending.loan-due-date-changed", typeof(LoanDueDateChanged)),
        ("lending.hold-placed", typeof(Domain.Lending.Holds.Events.HoldPlaced)),
        ("lending.hold-ready", typeof(Domain.Lending.Holds.Events.HoldReady)),
        ("lending.hold-fulfilled", typeof(Domain.Lending.Holds.Events.HoldFulfilled)),
        ("lending.hold-cancelled", typeof(Domain.Lending.Holds.Events.HoldCancelled)),
        ("lending.hold-expired", typeof(Domain.Lending.Holds.Events.HoldExpired)),
        ("lending.hold-requeued", typeof(Domain.Lending.Holds.Events.HoldRequeued)),
        ("lending.loan-due-soon-reminded", typeof(LoanDueSoonReminded)),
        ("lending.loan-renewed", typeof(LoanRenewed)));

    public static IReadOnlyDictionary<string, Type> All => Names.All;

    public static string NameOf(Type eventType) => Names.NameOf(eventType)
        ?? throw new InvalidOperationException($"{eventType.FullName} has no stored name; add it to {nameof(EventTypeRegistry)}.");

    public static string NameOf(IDomainEvent domainEvent) => NameOf(domainEvent.GetType());

    public static Type? Resolve(string name) => Names.TypeOf(name);

    public static string Serialize(IDomainEvent domainEvent) =>
        JsonSerializer.Serialize(domainEvent, domainEvent.GetType(), JsonSerializerOptions.Web);

    /// <exception cref="UnknownEventNameException">No event type has this name (a newer version wrote it, or it was removed).</exception>
    public static IDomainEvent Deserialize(OutboxMessage message)
    {
        var type = Resolve(message.Type) ?? throw new UnknownEventNameException(message.Type);
        return (IDomainEvent)(JsonSerializer.Deserialize(message.Payload, type, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException($"Empty payload for event {message.Id}."));
    }

    public static OutboxMessage ToOutboxMessage(IDomainEvent domainEvent) => new()
    {
        Id = domainEvent.EventId,
        Type = NameOf(domainEvent),
        Payload = Serialize(domainEvent),
        OccurredAt = domainEvent.OccurredAt,
    };

    private static NameMap Build(params (string Name, Type Type)[] events)
    {
        var map = new NameMap();
        foreach (var (name, type) in events)
        {
            map.Add(name, type);
        }

        return map;
    }
}

internal sealed class UnknownEventNameException(string name)
    : InvalidOperationException($"No event type is known by the name '{name}' (written by a newer version, or a removed event type).");
