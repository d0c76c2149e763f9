using Library.Domain.Common;

namespace Library.Domain.Catalog.Rules;

/// <param name="takenByTitle">The title of the other book with this ISBN, or null when the ISBN is free.</param>
public sealed class IsbnMustBeUniqueRule(string isbn, string? takenByTitle) : IBusinessRule
{
    public bool IsBroken() => takenByTitle is not null;
    public string Code => "IsbnMustBeUnique";
    public string Message => $"Another book (\"{takenByTitle}\") already has the ISBN {isbn}.";
    public object[] Arguments => [isbn, takenByTitle ?? string.Empty];
}
