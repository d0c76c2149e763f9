namespace Library.Web.Infrastructure.Persistence;

public sealed class DbWriterOptions
{
    public const string Section = "Persistence:Writer";

    /// <summary>
    /// Most writes committed in one transaction (group commit). It bounds how long one batch holds the write gate, so the
    /// outbox dispatcher (which needs the gate too) gets its turn often enough to keep up.
    /// </summary>
    public int MaxWritesPerTransaction { get; set; } = 32;
}
