using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Library.Web.Infrastructure.Persistence.Sqlite;

/// <summary>
/// Instants are stored by <see cref="DateTimeOffsetToBinaryConverter"/>: (ticks / 1000) &lt;&lt; 11 | offset minutes, and the app
/// writes every instant in UTC (offset 0), so <c>column &gt;&gt; 11</c> is the UTC instant in units of 100 µs.
/// </summary>
internal sealed class SqliteReportSql : IReportSql
{
    private const long UnixEpochIn100Microseconds = 621_355_968_000_000L;
    private static readonly DateTimeOffsetToBinaryConverter Converter = new();

    public string Bucket(string column, int bucketSeconds) =>
        $"((({column} >> 11) - {UnixEpochIn100Microseconds}) / {bucketSeconds * 10_000L})";

    /// <summary>SQLite's documented way to disqualify a term from index use: a unary plus.</summary>
    public string Unindexed(string column) => "+" + column;

    public object Instant(DateTimeOffset instant) => (long)Converter.ConvertToProvider(instant.ToUniversalTime())!;
}
