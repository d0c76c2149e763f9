namespace Library.Web.Infrastructure.Messaging;

/// <summary>An event written in the same transaction as the change that raised it; delivered after commit.</summary>
internal sealed class OutboxMessage
{
    public Guid Id { get; set; }
    public string Type { get; set; } = string.Empty;
    public string Payload { get; set; } = string.Empty;
    public DateTimeOffset OccurredAt { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    /// <summary>Set when retries are exhausted; the message stays for inspection and is no longer retried.</summary>
    public DateTimeOffset? FailedAt { get; set; }
}
