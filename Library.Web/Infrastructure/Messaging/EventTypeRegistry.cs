using System.Text.Json;
using Library.Domain.Common;

namespace Library.Web.Infrastructure.Messaging;

/// <summary>Maps outbox type names to event types; every domain event in Library.Domain is known.</summary>
internal static class EventTypeRegistry
{
    private static readonly Dictionary<string, Type> TypesByName = typeof(IDomainEvent).Assembly
        .GetTypes()
        .Where(t => t is { IsAbstract: false, IsClass: true } && typeof(IDomainEvent).IsAssignableFrom(t))
        .ToDictionary(t => t.Name);

    public static string NameOf(IDomainEvent domainEvent) => domainEvent.GetType().Name;

    public static Type? Resolve(string name) => TypesByName.GetValueOrDefault(name);

    public static string Serialize(IDomainEvent domainEvent) =>
        JsonSerializer.Serialize(domainEvent, domainEvent.GetType(), JsonSerializerOptions.Web);

    public static IDomainEvent Deserialize(OutboxMessage message)
    {
        var type = Resolve(message.Type) ?? throw new InvalidOperationException($"Unknown event type '{message.Type}'.");
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
}
