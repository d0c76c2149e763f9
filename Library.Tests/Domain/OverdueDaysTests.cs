using Library.Domain.Lending;
using static Library.Tests.Domain.DomainTestData;

namespace Library.Tests.Domain;

/// <summary>Days overdue are counted in the library's calendar days (Asia/Seoul here), not in UTC days.</summary>
public sealed class OverdueDaysTests
{
    private static DateTimeOffset Kst(int day, int hour, int minute) => new(2026, 3, day, hour, minute, 0, TimeSpan.FromHours(9));

    private static int Between(DateTimeOffset dueAt, DateTimeOffset at) => OverdueDays.Between(dueAt, at, Seoul);

    [Fact]
    public void Returned_at_the_due_moment_is_0_days_overdue() =>
        Assert.Equal(0, Between(EndOfSeoulDay(16), EndOfSeoulDay(16)));

    [Fact]
    public void Returned_at_23_59_KST_on_the_due_day_is_on_time() =>
        Assert.Equal(0, Between(EndOfSeoulDay(16), Kst(16, 23, 59)));

    [Fact]
    public void Returned_at_00_00_KST_the_next_day_is_1_day_late() =>
        Assert.Equal(1, Between(EndOfSeoulDay(16), Kst(17, 0, 0)));

    [Fact]
    public void The_day_does_not_turn_at_09_00_KST_which_is_midnight_UTC()
    {
        Assert.Equal(1, Between(EndOfSeoulDay(16), Kst(17, 8, 59)));
        Assert.Equal(1, Between(EndOfSeoulDay(16), Kst(17, 9, 0)));
        Assert.Equal(2, Between(EndOfSeoulDay(16), Kst(18, 0, 0)));
    }

    [Fact]
    public void Returned_21_days_after_borrowing_with_a_14_day_period_is_7_days_overdue()
    {
        var dueAt = Policy.DueAtFor(T0);

        Assert.Equal(7, Between(dueAt, Days(21)));
    }

    [Fact]
    public void Returned_before_the_due_date_is_never_negative() =>
        Assert.Equal(0, Between(EndOfSeoulDay(16), T0));

    [Fact]
    public void Almost_two_full_days_late_is_still_1_calendar_day() =>
        Assert.Equal(1, Between(Kst(2, 0, 1), Kst(3, 23, 59)));

    [Fact]
    public void A_UTC_library_still_counts_UTC_days()
    {
        var dueAt = new DateTimeOffset(2026, 3, 16, 10, 0, 0, TimeSpan.Zero);

        Assert.Equal(0, OverdueDays.Between(dueAt, Kst(17, 8, 0), LibraryCalendar.Utc));
        Assert.Equal(1, OverdueDays.Between(dueAt, Kst(17, 9, 30), LibraryCalendar.Utc));
    }
}
