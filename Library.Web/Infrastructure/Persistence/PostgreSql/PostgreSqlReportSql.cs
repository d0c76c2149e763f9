namespace Library.Web.Infrastructure.Persistence.PostgreSql;

/// <summary>Instants are timestamptz: the bucket is the epoch seconds divided by the bucket length.</summary>
internal sealed class PostgreSqlReportSql : IReportSql
{
    public string Bucket(string column, int bucketSeconds) =>
        $"CAST(floor(extract(epoch from {column}) / {bucketSeconds}) AS bigint)";

    /// <summary>PostgreSQL's planner has column statistics and picks the selective index itself.</summary>
    public string Unindexed(string column) => column;

    public object Instant(DateTimeOffset instant) => instant.ToUniversalTime();
}
