using Library.Domain.Lending;

namespace Library.Web.Features.Lending;

public sealed class LendingOptions
{
    public const string Section = "Lending";
    public int LoanPeriodDays { get; set; } = 14;
    public int MaxCopiesOnLoan { get; set; } = 10;

    /// <summary>Renewals allowed per loan.</summary>
    public int MaxRenewals { get; set; } = 2;

    /// <summary>Days overdue a loan may still be renewed (0: an overdue loan cannot be renewed).</summary>
    public int RenewOverdueGraceDays { get; set; }

    /// <summary>Where a renewal's loan period starts: the current due date (default) or the day of the renewal.</summary>
    public RenewFrom RenewFrom { get; set; } = RenewFrom.DueDate;

    /// <summary>Renew renewable loans automatically on their due day (the auto-renewal job); each patron can opt out.</summary>
    public bool AutoRenew { get; set; }

    public LendingPolicy ToPolicy(LibraryCalendar calendar) => new(LoanPeriodDays, MaxCopiesOnLoan, calendar);

    public RenewalPolicy ToRenewalPolicy(LibraryCalendar calendar) =>
        new(LoanPeriodDays, Math.Max(0, MaxRenewals), Math.Max(0, RenewOverdueGraceDays), RenewFrom, calendar);
}
