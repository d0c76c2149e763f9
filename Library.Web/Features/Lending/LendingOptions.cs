using Library.Domain.Lending;

namespace Library.Web.Features.Lending;

public sealed class LendingOptions
{
    public const string Section = "Lending";
    public int LoanPeriodDays { get; set; } = 14;
    public int MaxCopiesOnLoan { get; set; } = 10;

    public LendingPolicy ToPolicy(LibraryCalendar calendar) => new(LoanPeriodDays, MaxCopiesOnLoan, calendar);
}
