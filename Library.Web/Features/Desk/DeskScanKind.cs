using Library.Web.Features.Catalog.Copies;
using Microsoft.Extensions.Options;

namespace Library.Web.Features.Desk;

internal enum DeskScanKind
{
    /// <summary>Letters, '@' or spaces without a digit: a patron's name or e-mail to search for.</summary>
    PatronSearch,
    /// <summary>The card prefix followed by digits.</summary>
    Card,
    /// <summary>Anything else with a digit: read as a copy barcode (a mistyped one is then reported as such).</summary>
    Barcode,
}

/// <summary>
/// One input at the desk takes cards, barcodes and names: the card prefix tells a card from a barcode (the two prefixes
/// differ, CodeOptions.AreValid), and text without a digit or with an '@' is a search.
/// </summary>
internal sealed class DeskScanKinds(IOptions<CodeOptions> options)
{
    public DeskScanKind Of(string input)
    {
        var text = input.Trim();
        if (text.Contains('@', StringComparison.Ordinal) || !text.Any(char.IsAsciiDigit))
        {
            return DeskScanKind.PatronSearch;
        }

        var compact = new string(text.Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray()).ToUpperInvariant();
        var letters = compact.TakeWhile(char.IsAsciiLetterUpper).Count();
        return compact[..letters] == options.Value.CardPrefix && compact[letters..].All(char.IsAsciiDigit)
            ? DeskScanKind.Card
            : DeskScanKind.Barcode;
    }
}
