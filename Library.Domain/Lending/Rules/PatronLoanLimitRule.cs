using Library.Domain.Common;

namespace Library.Domain.Lending.Rules;

public sealed class PatronLoanLimitRule(int copiesOnLoan, int requested, int limit) : IBusinessRule
{
    public bool IsBroken() => copiesOnLoan + requested > limit;
    public string Code => "PatronLoanLimit";
    public string Message =>
        $"You may have at most {limit} copies on loan at once; you have {copiesOnLoan}, so you can borrow {Math.Max(0, limit - copiesOnLoan)} more.";
    public object[] Arguments => [limit, copiesOnLoan, Math.Max(0, limit - copiesOnLoan)];
}
