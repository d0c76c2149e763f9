using Library.Domain.Common;

namespace Library.Domain.Lending.Rules;

/// <summary>The library cannot be closed on all seven weekdays: no loan could ever fall due.</summary>
public sealed class LibraryMustOpenOnSomeWeekdayRule(int closedWeekdays) : IBusinessRule
{
    public bool IsBroken() => closedWeekdays >= 7;
    public string Code => "LibraryMustOpenOnSomeWeekday";
    public string Message => "The library must be open on at least one day of the week.";
}
