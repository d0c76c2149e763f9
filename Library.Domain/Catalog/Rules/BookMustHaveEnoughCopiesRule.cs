using Library.Domain.Common;

namespace Library.Domain.Catalog.Rules;

public sealed class BookMustHaveEnoughCopiesRule(int available, int requested) : IBusinessRule
{
    public bool IsBroken() => requested > available;
    public string Code => "BookMustHaveEnoughCopies";
    public string Message => available == 0
        ? "No copies of this book are available right now."
        : $"Only {available} copies are available; you asked for {requested}.";
    public object[] Arguments => [available, requested];
}
