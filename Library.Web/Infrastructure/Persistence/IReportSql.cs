namespace Library.Web.Infrastructure.Persistence;

/// <summary>
/// The store-specific bits of the report queries (Features/Reports): how an instant column becomes a time bucket in SQL and
/// how an instant is passed as a raw SQL parameter. SQLite keeps instants as EF's 64-bit DateTimeOffset encoding, PostgreSQL
/// as timestamptz; the rest of each report's SQL is shared.
/// </summary>
internal interface IReportSql
{
    /// <summary>SQL for the whole number of <paramref name="bucketSeconds"/>-long intervals from 1970-01-01 UTC to the column's instant.</summary>
    string Bucket(string column, int bucketSeconds);

    /// <summary>The column in a form the planner will not pick an index for (to steer it to a more selective one).</summary>
    string Unindexed(string column);

    /// <summary>The value to bind for an instant compared with a stored DateTimeOffset column.</summary>
    object Instant(DateTimeOffset instant);
}
