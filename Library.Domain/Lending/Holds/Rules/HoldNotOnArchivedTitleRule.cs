using Library.Domain.Common;

namespace Library.Domain.Lending.Holds.Rules;

public sealed class HoldNotOnArchivedTitleRule(bool archived) : IBusinessRule
{
    public bool IsBroken() => archived;
    public string Code => "HoldNotOnArchivedTitle";
    public string Message => "This title is no longer lent, so it cannot be reserved.";
}
