using Library.Domain.Lending;
using Library.Tests.TestSupport;
using Library.Web.Localization;

namespace Library.Tests.Components;

/// <summary>One date format per language, always in the library's zone (Seoul).</summary>
public sealed class LibraryDatesTests
{
    private static readonly LibraryDates Dates = new(new LibraryCalendar(TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul")));

    // 00:30 on 3 March in Seoul, still 2 March in UTC.
    private static readonly DateTimeOffset JustAfterMidnightInSeoul = new(2026, 3, 2, 15, 30, 0, TimeSpan.Zero);

    [Fact]
    public void English_dates_read_Mar_3_2026_with_24_hour_times_in_the_library_zone()
    {
        using var _ = new UseCulture("en");

        Assert.Equal("Mar 3, 2026", Dates.Date(JustAfterMidnightInSeoul));
        Assert.Equal("Mar 3, 2026 00:30", Dates.DateAndTime(JustAfterMidnightInSeoul));
        Assert.Equal("Dec 1, 2026 18:05:09", Dates.DateAndTimeWithSeconds(new DateTimeOffset(2026, 12, 1, 9, 5, 9, TimeSpan.Zero)));
    }

    [Fact]
    public void Korean_dates_read_2026_3_3()
    {
        using var _ = new UseCulture("ko");

        Assert.Equal("2026. 3. 3.", Dates.Date(JustAfterMidnightInSeoul));
        Assert.Equal("2026. 3. 3. 00:30", Dates.DateAndTime(JustAfterMidnightInSeoul));
        Assert.Equal("2026. 12. 1.", Dates.Date(new DateOnly(2026, 12, 1)));
    }

    [Fact]
    public void The_zone_is_named_with_its_offset() => Assert.Equal("Asia/Seoul (UTC+09:00)", Dates.ZoneName);

    [Fact]
    public void Days_left_and_overdue_count_Seoul_days()
    {
        var dueAt = new DateTimeOffset(2026, 3, 16, 23, 59, 59, 999, TimeSpan.FromHours(9));

        Assert.Equal(14, Dates.DaysLeft(dueAt, JustAfterMidnightInSeoul.AddDays(-1)));
        Assert.Equal(0, Dates.DaysOverdue(dueAt, dueAt));
        Assert.Equal(1, Dates.DaysOverdue(dueAt, dueAt.AddMilliseconds(1)));
    }
}
