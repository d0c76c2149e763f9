using Library.Web.Features.Catalog.Copies;
using Microsoft.Extensions.Options;

namespace Library.Web.Features.Desk;

internal enum DeskScanKind
{
    /// <summary>Not letters followed by digits (a name, an e-mail address): a patron to search for.</summary>
    PatronSearch,
    /// <summary>The card prefix followed by digits.</summary>
    Card,
    /// <summary>The copy prefix followed by digits: one of the library's copy labels.</summary>
    CopyBarcode,
    /// <summary>Other letters followed by digits: a label or card an earlier system printed.</summary>
    OtherCode,
}

/// <summary>
/// One input at the desk takes cards, barcodes and names: the card prefix tells a card from a barcode (the two prefixes
/// differ, CodeOptions.AreValid); anything that is not letters followed by digits (spaces and hyphens aside, as ScanCode
/// reads codes) is a name or e-mail to search for.
/// </summary>
internal sealed class DeskScanKinds(IOptions<CodeOptions> options)
{
    public DeskScanKind Of(string input)
    {
        var compact = new string(input.Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray()).ToUpperInvariant();
        var letters = compact.TakeWhile(char.IsAsciiLetterUpper).Count();
        if (letters == compact.Length || !compact[letters..].All(char.IsAsciiDigit))
        {
            return DeskScanKind.PatronSearch;
        }

        var prefix = compact[..letters];
        return prefix == options.Value.CardPrefix ? DeskScanKind.Card
            : prefix == options.Value.CopyPrefix ? DeskScanKind.CopyBarcode
            : DeskScanKind.OtherCode;
    }
}
