using Library.Domain.Lending;
using Library.Domain.Lending.Events;
using Library.Domain.Lending.Rules;

namespace Library.Tests.Domain;

/// <summary>Loan.Renew: each rule at its boundary, the new due date (from the due date or today, next open day), the overdue flag.</summary>
public sealed class LoanRenewalTests
{
    // Borrowed 2 March 2026 in UTC: due at the end of 16 March.
    private static readonly DateTimeOffset BorrowedAt = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset DueDay = new(2026, 3, 16, 12, 0, 0, TimeSpan.Zero);
    private static readonly RenewalPolicy Policy = RenewalPolicy.Default;

    private static Loan NewLoan() => Loan.Borrow("patron-1", 7, 1, 0, LendingPolicy.Default, BorrowedAt);

    private static DateTimeOffset EndOf(int year, int month, int day) => LibraryCalendar.Utc.EndOf(new DateOnly(year, month, day));

    [Fact]
    public void Renewing_moves_the_due_date_one_loan_period_from_the_current_due_date_and_counts_it()
    {
        var loan = NewLoan();
        loan.ClearDomainEvents();

        loan.Renew(Policy, RenewalCircumstances.None, automatic: false, BorrowedAt.AddDays(3));

        Assert.Equal(EndOf(2026, 3, 30), loan.DueAt);
        Assert.Equal(1, loan.Renewals);
        var renewed = Assert.IsType<LoanRenewed>(Assert.Single(loan.DomainEvents));
        Assert.Equal((EndOf(2026, 3, 16), EndOf(2026, 3, 30), 1, false, "patron-1", 7), (renewed.PreviousDueAt, renewed.DueAt, renewed.Renewals, renewed.Automatic, renewed.PatronId, renewed.BookId));
    }

    [Fact]
    public void Renew_from_today_counts_the_loan_period_from_the_day_of_the_renewal_but_never_shortens_the_loan()
    {
        var fromToday = Policy with { From = RenewFrom.Today };
        var loan = NewLoan();
        loan.Renew(fromToday, RenewalCircumstances.None, false, new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(EndOf(2026, 3, 24), loan.DueAt);

        var early = NewLoan();
        early.Renew(fromToday, RenewalCircumstances.None, false, BorrowedAt);
        Assert.Equal(EndOf(2026, 3, 16), early.DueAt);
    }

    [Fact]
    public void A_new_due_date_on_a_closed_day_moves_to_the_next_open_day()
    {
        // 30 March 2026 is a Monday; the library is closed on Mondays.
        var calendar = new LibraryCalendar(TimeZoneInfo.Utc, new ClosedOn(DayOfWeek.Monday));
        var loan = NewLoan();

        loan.Renew(Policy with { Calendar = calendar }, RenewalCircumstances.None, false, BorrowedAt.AddDays(1));

        Assert.Equal(calendar.EndOf(new DateOnly(2026, 3, 31)), loan.DueAt);
    }

    [Fact]
    public void The_second_renewal_is_allowed_and_the_third_breaks_the_limit()
    {
        var loan = NewLoan();
        loan.Renew(Policy, RenewalCircumstances.None, false, BorrowedAt);
        loan.Renew(Policy, RenewalCircumstances.None, false, BorrowedAt);

        RuleAssert.AssertBrokenRule<RenewalLimitMustNotBeReachedRule>(() => loan.Renew(Policy, RenewalCircumstances.None, false, BorrowedAt));
        Assert.Equal(2, loan.Renewals);
        Assert.Equal(EndOf(2026, 4, 13), loan.DueAt);
    }

    [Fact]
    public void No_renewal_at_all_when_the_limit_is_zero()
    {
        RuleAssert.AssertBrokenRule<RenewalLimitMustNotBeReachedRule>(() => NewLoan().Renew(Policy with { MaxRenewals = 0 }, RenewalCircumstances.None, false, BorrowedAt));
    }

    [Fact]
    public void On_the_due_day_it_renews_the_next_day_it_is_overdue_and_refused()
    {
        NewLoan().Renew(Policy, RenewalCircumstances.None, false, EndOf(2026, 3, 16));

        var late = NewLoan();
        RuleAssert.AssertBrokenRule<OverdueLoanCannotBeRenewedRule>(() => late.Renew(Policy, RenewalCircumstances.None, false, DueDay.AddDays(1)));
        Assert.Equal(0, late.Renewals);
    }

    [Fact]
    public void With_2_grace_days_a_loan_2_days_overdue_renews_and_loses_its_overdue_flag_and_3_days_is_refused()
    {
        var grace = Policy with { OverdueGraceDays = 2 };
        var loan = NewLoan();
        var twoDaysLate = DueDay.AddDays(2);
        Assert.True(loan.FlagOverdue(twoDaysLate));
        loan.ClearDomainEvents();

        loan.Renew(grace, RenewalCircumstances.None, false, twoDaysLate);

        Assert.Null(loan.OverdueFlaggedAt);
        Assert.Equal(EndOf(2026, 3, 30), loan.DueAt);
        Assert.True(Assert.IsType<LoanRenewed>(Assert.Single(loan.DomainEvents)).OverdueFlagCleared);
        RuleAssert.AssertBrokenRule<OverdueLoanCannotBeRenewedRule>(() => NewLoan().Renew(grace, RenewalCircumstances.None, false, DueDay.AddDays(3)));
    }

    [Fact]
    public void A_blocked_patron_cannot_renew()
    {
        RuleAssert.AssertBrokenRule<PatronMustNotBeBlockedRule>(() =>
            NewLoan().Renew(Policy, new RenewalCircumstances(true, "unpaid fees", false), false, BorrowedAt));
    }

    [Fact]
    public void A_title_another_patron_waits_for_cannot_be_renewed()
    {
        RuleAssert.AssertBrokenRule<TitleWaitedForByOthersRule>(() =>
            NewLoan().Renew(Policy, new RenewalCircumstances(false, null, WaitedForByOthers: true), false, BorrowedAt));
    }

    [Fact]
    public void A_returned_loan_cannot_be_renewed()
    {
        var loan = NewLoan();
        loan.Return(1, BorrowedAt.AddDays(1), LibraryCalendar.Utc);

        RuleAssert.AssertBrokenRule<LoanMustBeActiveRule>(() => loan.Renew(Policy, RenewalCircumstances.None, false, BorrowedAt.AddDays(1)));
    }

    [Fact]
    public void WhyNotRenewable_names_the_broken_rule_or_nothing()
    {
        var loan = NewLoan();
        Assert.Null(loan.WhyNotRenewable(Policy, RenewalCircumstances.None, BorrowedAt));
        Assert.Equal("TitleWaitedForByOthers", loan.WhyNotRenewable(Policy, new RenewalCircumstances(false, null, true), BorrowedAt)?.Code);
    }

    [Fact]
    public void The_due_soon_reminder_comes_2_days_before_the_due_day_once_per_due_date()
    {
        var loan = NewLoan();
        var calendar = LibraryCalendar.Utc;
        Assert.False(loan.RemindDueSoon(2, calendar, false, null, new DateTimeOffset(2026, 3, 13, 23, 0, 0, TimeSpan.Zero)));
        Assert.True(loan.RemindDueSoon(2, calendar, false, null, new DateTimeOffset(2026, 3, 14, 0, 0, 0, TimeSpan.Zero)));
        Assert.False(loan.RemindDueSoon(2, calendar, false, null, new DateTimeOffset(2026, 3, 15, 0, 0, 0, TimeSpan.Zero)));

        loan.Renew(Policy, RenewalCircumstances.None, false, new DateTimeOffset(2026, 3, 15, 0, 0, 0, TimeSpan.Zero));
        Assert.False(loan.RemindDueSoon(2, calendar, false, null, new DateTimeOffset(2026, 3, 27, 0, 0, 0, TimeSpan.Zero)));
        Assert.True(loan.RemindDueSoon(2, calendar, true, "RenewalLimitReached", new DateTimeOffset(2026, 3, 29, 0, 0, 0, TimeSpan.Zero)));
        var reminder = Assert.IsType<LoanDueSoonReminded>(loan.DomainEvents.Last());
        Assert.Equal((EndOf(2026, 3, 30), true, "RenewalLimitReached"), (reminder.DueAt, reminder.AutoRenewOn, reminder.NotAutoRenewableBecause));
    }

    [Fact]
    public void An_overdue_loan_gets_no_due_soon_reminder()
    {
        Assert.False(NewLoan().RemindDueSoon(2, LibraryCalendar.Utc, false, null, DueDay.AddDays(1)));
    }

    private sealed class ClosedOn(DayOfWeek weekday) : IClosedDays
    {
        public bool IsClosed(DateOnly day) => day.DayOfWeek == weekday;
    }
}
