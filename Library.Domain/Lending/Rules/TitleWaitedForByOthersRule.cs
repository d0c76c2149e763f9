using Library.Domain.Common;

namespace Library.Domain.Lending.Rules;

/// <summary>Another patron has a hold on the title and no copy is free for them: the copy must come back.</summary>
public sealed class TitleWaitedForByOthersRule(bool waitedForByOthers) : IBusinessRule
{
    public bool IsBroken() => waitedForByOthers;
    public string Code => "TitleWaitedForByOthers";
    public string Message => "Another patron is waiting for this title, so this loan cannot be renewed. Please return it by its due date.";
}
