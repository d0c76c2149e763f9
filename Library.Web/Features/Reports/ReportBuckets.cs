namespace Library.Web.Features.Reports;

/// <summary>
/// Reports group instants in SQL by UTC intervals (an hour, or 15 minutes in a zone whose offset is not whole hours in the
/// period) and turn each interval into a library-local day and hour here; so the SQL is the same on every store and the
/// library's time zone (daylight saving included) is applied exactly, by .NET, on a few thousand rows.
/// </summary>
internal sealed class ReportBuckets(TimeZoneInfo zone, int seconds)
{
    public int Seconds => seconds;

    public static ReportBuckets For(TimeZoneInfo zone, DateTimeOffset start, DateTimeOffset end)
    {
        static bool WholeHours(TimeSpan offset) => offset.Ticks % TimeSpan.TicksPerHour == 0;
        var rules = zone.GetAdjustmentRules().Where(r => r.DateEnd >= start.UtcDateTime.AddDays(-1) && r.DateStart <= end.UtcDateTime.AddDays(1));
        var whole = WholeHours(zone.BaseUtcOffset) && rules.All(r => WholeHours(r.DaylightDelta) && WholeHours(r.BaseUtcOffsetDelta));
        return new ReportBuckets(zone, whole ? 3600 : 900);
    }

    /// <summary>The library-local date and time at which a bucket begins.</summary>
    public DateTime LocalStart(long bucket) =>
        TimeZoneInfo.ConvertTime(DateTimeOffset.UnixEpoch.AddSeconds(bucket * seconds), zone).DateTime;
}

/// <summary>One row of a bucketed SQL count or sum.</summary>
internal sealed class BucketRow
{
    public long Bucket { get; init; }

    public int Kind { get; init; }

    public long Value { get; init; }
}
