using Library.Domain.Common;

namespace Library.Domain.Lending.Rules;

public sealed class RenewalLimitMustNotBeReachedRule(int renewals, int maxRenewals) : IBusinessRule
{
    public bool IsBroken() => renewals >= maxRenewals;
    public string Code => "RenewalLimitReached";
    public string Message => $"This loan has been renewed {renewals} times, the most allowed ({maxRenewals}). Please return it by its due date.";
    public object[] Arguments => [renewals, maxRenewals];
}
