using Library.Domain.Lending;
using static Library.Tests.Domain.DomainTestData;

namespace Library.Tests.Domain;

public sealed class OverdueDaysTests
{
    private static DateTimeOffset Utc(int day, int hour, int minute) => new(2026, 3, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void Returned_at_the_due_moment_is_0_days_overdue() =>
        Assert.Equal(0, OverdueDays.Between(T0, T0));

    [Fact]
    public void Returned_later_on_the_due_day_is_0_days_overdue() =>
        Assert.Equal(0, OverdueDays.Between(Utc(2, 0, 1), Utc(2, 23, 59)));

    [Fact]
    public void Due_yesterday_is_1_day_overdue() =>
        Assert.Equal(1, OverdueDays.Between(T0.AddDays(-1), T0));

    [Fact]
    public void Returned_21_days_after_borrowing_with_a_14_day_period_is_7_days_overdue()
    {
        var dueAt = T0 + TimeSpan.FromDays(14);

        Assert.Equal(7, OverdueDays.Between(dueAt, Days(21)));
    }

    [Fact]
    public void Returned_before_the_due_date_is_never_negative() =>
        Assert.Equal(0, OverdueDays.Between(Days(14), T0));

    [Fact]
    public void Counts_calendar_days_so_due_at_23_59_and_returned_at_00_01_next_day_is_1() =>
        Assert.Equal(1, OverdueDays.Between(Utc(2, 23, 59), Utc(3, 0, 1)));

    [Fact]
    public void Counts_calendar_days_so_almost_two_full_days_late_is_still_1() =>
        Assert.Equal(1, OverdueDays.Between(Utc(2, 0, 1), Utc(3, 23, 59)));

    [Fact]
    public void Calendar_days_are_utc_days_whatever_the_offset_of_the_timestamps()
    {
        var dueAt = new DateTimeOffset(2026, 3, 16, 10, 0, 0, TimeSpan.Zero);
        var nextMorningInSeoulBeforeUtcMidnight = new DateTimeOffset(2026, 3, 17, 8, 0, 0, TimeSpan.FromHours(9));
        var nextMorningInSeoulAfterUtcMidnight = new DateTimeOffset(2026, 3, 17, 9, 30, 0, TimeSpan.FromHours(9));

        Assert.Equal(0, OverdueDays.Between(dueAt, nextMorningInSeoulBeforeUtcMidnight));
        Assert.Equal(1, OverdueDays.Between(dueAt, nextMorningInSeoulAfterUtcMidnight));
    }
}
