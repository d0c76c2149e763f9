namespace Library.Web.Infrastructure.Messaging;

public sealed class OutboxOptions
{
    public const string Section = "Outbox";
    /// <summary>Off only for maintenance (and crash simulations in tests): events then wait in the outbox.</summary>
    public bool DispatchEnabled { get; set; } = true;
    /// <summary>
    /// Messages claimed and delivered per transaction (group commit); bounds how long the write gate is held. Twice the writer's batch
    /// (Persistence:Writer:MaxWritesPerTransaction) because a borrow or return raises two events, so that under full load
    /// the dispatcher keeps up with the writes instead of building a backlog (measured in bench/).
    /// </summary>
    public int MessagesPerTransaction { get; set; } = 64;
    public int MaxAttempts { get; set; } = 8;
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>Cron for the Quartz sweep that redelivers anything the live dispatcher left behind.</summary>
    public string SweepCron { get; set; } = "0/30 * * * * ?";
}
