using Library.Domain.Common;

namespace Library.Domain.Catalog.Rules;

public sealed class IsbnMustBeValidRule(string? isbn) : IBusinessRule
{
    public bool IsBroken() => !Isbn.IsValid(isbn);
    public string Code => "IsbnMustBeValid";
    public string Message => $"'{isbn}' is not a valid ISBN-10 or ISBN-13 (check the digits).";
    public object[] Arguments => [isbn ?? string.Empty];
}
