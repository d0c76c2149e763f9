using Library.Domain.Common;

namespace Library.Domain.Catalog.Rules;

public sealed class ReturnedCopiesCannotExceedTotalRule(int available, int returned, int total) : IBusinessRule
{
    public bool IsBroken() => available + returned > total;
    public string Code => "ReturnedCopiesCannotExceedTotal";
    public string Message => $"Returning {returned} copies would put more than {total} copies on the shelf.";
    public object[] Arguments => [returned, total];
}
