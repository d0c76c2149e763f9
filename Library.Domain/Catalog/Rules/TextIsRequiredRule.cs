using Library.Domain.Common;

namespace Library.Domain.Catalog.Rules;

public sealed class TextIsRequiredRule(string fieldName, string? value) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(value);
    public string Code => "TextIsRequired";
    public string Message => $"{fieldName} is required.";
    public object[] Arguments => [fieldName];
}
