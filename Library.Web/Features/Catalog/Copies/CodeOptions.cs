using Library.Domain.Common;

namespace Library.Web.Features.Catalog.Copies;

/// <summary>The prefixes of the library's printed codes (section <c>Codes</c>); both carry a Luhn check digit.</summary>
public sealed class CodeOptions
{
    public const string Section = "Codes";

    /// <summary>Copy barcodes, e.g. <c>LIB000000125</c>.</summary>
    public string CopyPrefix { get; set; } = "LIB";

    /// <summary>Library card numbers, e.g. <c>CARD482913570</c>.</summary>
    public string CardPrefix { get; set; } = "CARD";

    public static bool AreValid(CodeOptions o) =>
        ScanCode.IsValidPrefix(o.CopyPrefix) && ScanCode.IsValidPrefix(o.CardPrefix) && o.CopyPrefix != o.CardPrefix;
}
