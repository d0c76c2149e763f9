using Library.Domain.Common;

namespace Library.Domain.Catalog.Rules;

public sealed class PublicationYearMustBeInRangeRule(int? year, int currentYear) : IBusinessRule
{
    public const int Earliest = 1450;
    public bool IsBroken() => year is { } y && (y < Earliest || y > currentYear + 1);
    public string Code => "PublicationYearMustBeInRange";
    public string Message => $"The year must be between {Earliest} and {currentYear + 1}.";
    public object[] Arguments => [Earliest, currentYear + 1];
}
