namespace Library.Domain.Lending;

public sealed record LendingPolicy(TimeSpan LoanPeriod, int MaxCopiesOnLoan)
{
    public static LendingPolicy Default { get; } = new(TimeSpan.FromDays(14), 10);
}
