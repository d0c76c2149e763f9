using Library.Domain.Common;

namespace Library.Web.Features.Admin;

internal static class AdminRules
{
    /// <summary>Checks a rule that needs data from outside one aggregate (e.g. another book's ISBN).</summary>
    public static void Check(IBusinessRule rule)
    {
        if (rule.IsBroken())
        {
            throw new BusinessRuleViolationException(rule);
        }
    }
}
