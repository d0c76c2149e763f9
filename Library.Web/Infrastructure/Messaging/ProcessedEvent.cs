namespace Library.Web.Infrastructure.Messaging;

/// <summary>Inbox record: handler <see cref="Handler"/> has applied event <see cref="EventId"/>.</summary>
internal sealed class ProcessedEvent
{
    public Guid EventId { get; set; }
    public string Handler { get; set; } = string.Empty;
    public DateTimeOffset ProcessedAt { get; set; }
}
