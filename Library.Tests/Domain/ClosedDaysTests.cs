using Library.Domain.Fines;
using Library.Domain.Lending;
using static Library.Tests.Domain.DomainTestData;

namespace Library.Tests.Domain;

/// <summary>
/// The library's closed days: due dates move to the next open day; with Fines:SkipClosedDays (default) closed days are not
/// days overdue. March 2026: the 1st, 8th, 15th and 22nd are Sundays; T0 is Monday 2 March, 19:00 KST.
/// </summary>
public sealed class ClosedDaysTests
{
    private sealed class Closed(DayOfWeek[]? weekdays = null, params int[] marchDays) : IClosedDays
    {
        public bool IsClosed(DateOnly day) =>
            (weekdays ?? []).Contains(day.DayOfWeek) || (day is { Year: 2026, Month: 3 } && marchDays.Contains(day.Day));
    }

    private static readonly TimeZoneInfo SeoulZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul");

    private static LibraryCalendar Calendar(IClosedDays closed, bool skipClosedDays = true) => new(SeoulZone, closed, skipClosedDays);

    private static DateTimeOffset Kst(int marchDay, int hour) => new(2026, 3, marchDay, hour, 0, 0, TimeSpan.FromHours(9));

    [Fact]
    public void A_due_date_on_a_closed_Sunday_moves_to_the_end_of_Monday()
    {
        var policy = new LendingPolicy(13, 10, Calendar(new Closed([DayOfWeek.Sunday])));

        Assert.Equal(EndOfSeoulDay(16), policy.DueAtFor(T0)); // 2 March + 13 = Sunday 15 March → Monday 16 March
    }

    [Fact]
    public void A_due_date_on_several_closed_days_in_a_row_moves_past_all_of_them()
    {
        // Sunday 15 closed every week, Monday 16 and Tuesday 17 closed holidays.
        var policy = new LendingPolicy(13, 10, Calendar(new Closed([DayOfWeek.Sunday], 16, 17)));

        var loan = Loan.Borrow(PatronId, BookId, 1, 0, policy, T0);

        Assert.Equal(EndOfSeoulDay(18), loan.DueAt);
    }

    [Fact]
    public void A_due_date_on_an_open_day_stays_and_without_closed_days_nothing_moves()
    {
        var closedSundays = new LendingPolicy(14, 10, Calendar(new Closed([DayOfWeek.Sunday], 20)));

        Assert.Equal(EndOfSeoulDay(16), closedSundays.DueAtFor(T0));
        Assert.Equal(EndOfSeoulDay(16), Policy.DueAtFor(T0));
    }

    [Fact]
    public void A_closed_holiday_inside_the_overdue_period_is_not_counted()
    {
        var calendar = Calendar(new Closed(null, 18));

        Assert.Equal(6, OverdueDays.Between(EndOfSeoulDay(16), Kst(23, 10), calendar)); // 7 calendar days, 18 March closed
    }

    [Fact]
    public void With_SkipClosedDays_false_the_closed_holiday_is_counted()
    {
        var calendar = Calendar(new Closed(null, 18), skipClosedDays: false);

        Assert.Equal(7, OverdueDays.Between(EndOfSeoulDay(16), Kst(23, 10), calendar));
    }

    [Fact]
    public void Returned_on_a_closed_day_counts_only_the_open_days_before_it()
    {
        // Due Friday 13 March; Saturday open, Sunday 15 closed: returned through the book drop on Sunday = 1 day late.
        var calendar = Calendar(new Closed([DayOfWeek.Sunday]));

        Assert.Equal(1, OverdueDays.Between(EndOfSeoulDay(13), Kst(15, 12), calendar));
        Assert.Equal(0, OverdueDays.Between(EndOfSeoulDay(14), Kst(15, 12), calendar));
    }

    [Fact]
    public void Eight_calendar_days_late_with_one_closed_day_inside_is_7_days_and_500_won()
    {
        var policy = new LendingPolicy(14, 10, Calendar(new Closed(null, 20)));
        var loan = Loan.Borrow(PatronId, BookId, 2, 0, policy, T0); // due end of 16 March

        var returned = loan.Return(1, Kst(24, 10), policy.Calendar); // 8 calendar days after the due day

        Assert.Equal(7, returned.DaysOverdue);
        Assert.Equal(500, LateFeePolicy.Default.FeeFor(returned.DaysOverdue));
    }

    [Fact]
    public void Eight_calendar_days_late_counted_as_calendar_days_is_1000_won()
    {
        var policy = new LendingPolicy(14, 10, Calendar(new Closed(null, 20), skipClosedDays: false));
        var loan = Loan.Borrow(PatronId, BookId, 2, 0, policy, T0);

        var returned = loan.Return(1, Kst(24, 10), policy.Calendar);

        Assert.Equal(8, returned.DaysOverdue);
        Assert.Equal(1_000, LateFeePolicy.Default.FeeFor(returned.DaysOverdue));
    }

    [Fact]
    public void Fifteen_open_days_late_reaches_the_top_tier_only_when_the_closed_days_are_past()
    {
        var calendar = Calendar(new Closed([DayOfWeek.Sunday]));

        // Due Monday 16 March; 31 March is 15 calendar days later, with Sundays 22 and 29 closed = 13 open days.
        Assert.Equal(13, OverdueDays.Between(EndOfSeoulDay(16), Kst(31, 10), calendar));
        Assert.Equal(1_000, LateFeePolicy.Default.FeeFor(OverdueDays.Between(EndOfSeoulDay(16), Kst(31, 10), calendar)));
    }

    [Fact]
    public void A_calendar_closed_on_all_seven_weekdays_is_refused()
    {
        Assert.True(new Library.Domain.Lending.Rules.LibraryMustOpenOnSomeWeekdayRule(7).IsBroken());
        Assert.False(new Library.Domain.Lending.Rules.LibraryMustOpenOnSomeWeekdayRule(6).IsBroken());
    }
}
