namespace Library.Domain.Common;

public static class Ids
{
    /// <summary>Time-ordered ids keep SQLite/PostgreSQL indexes append-only.</summary>
    public static Guid New() => Guid.CreateVersion7();
}
