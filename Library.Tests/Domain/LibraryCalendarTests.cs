using Library.Domain.Lending;
using static Library.Tests.Domain.DomainTestData;

namespace Library.Tests.Domain;

/// <summary>A due date is a calendar day in the library's zone; the loan is due at the end of that day.</summary>
public sealed class LibraryCalendarTests
{
    private static DateTimeOffset Kst(int day, int hour, int minute) => new(2026, 3, day, hour, minute, 0, TimeSpan.FromHours(9));

    [Theory]
    [InlineData(0, 30)]
    [InlineData(8, 59)]
    [InlineData(9, 0)]
    [InlineData(23, 59)]
    public void A_loan_made_any_time_on_2_March_KST_is_due_at_the_end_of_16_March_KST(int hour, int minute)
    {
        var loan = Loan.Borrow(PatronId, BookId, 1, 0, Policy, Kst(2, hour, minute));

        Assert.Equal(new DateOnly(2026, 3, 16), Seoul.DayOf(loan.DueAt));
        Assert.Equal(EndOfSeoulDay(16), loan.DueAt);
    }

    [Fact]
    public void A_loan_made_at_00_30_KST_is_not_due_on_the_previous_UTC_day()
    {
        // 00:30 KST on 2 March is still 1 March in UTC: counting UTC days would make it due on 15 March.
        var loan = Loan.Borrow(PatronId, BookId, 1, 0, Policy, Kst(2, 0, 30));

        Assert.Equal(new DateOnly(2026, 3, 16), Seoul.DayOf(loan.DueAt));
        Assert.False(loan.IsOverdueAt(Kst(16, 23, 59)));
        Assert.True(loan.IsOverdueAt(Kst(17, 0, 0)));
    }

    [Fact]
    public void Start_and_end_of_a_Seoul_day_in_UTC()
    {
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 15, 0, 0, TimeSpan.Zero), Seoul.StartOf(new DateOnly(2026, 3, 2)));
        Assert.Equal(EndOfSeoulDay(2), Seoul.EndOf(new DateOnly(2026, 3, 2)));
        Assert.Equal(EndOfSeoulDay(2), Seoul.EndOfDayOf(Kst(2, 0, 0)));
    }
}
