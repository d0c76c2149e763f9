using System.Net;
using System.Text.RegularExpressions;
using ZXing.Common;
using ZXing.OneD;

namespace Library.Tests.TestSupport;

/// <summary>
/// Reads the app's inline SVG barcodes the way a scanner reads a printed one: the dark bars (rects in module units) become one
/// row of pixels, decoded by ZXing's Code 128 reader. Nothing of the app's own encoder is used.
/// </summary>
public static partial class SvgBarcodes
{
    /// <summary>Every barcode in <paramref name="html"/>, decoded, in page order.</summary>
    public static IReadOnlyList<string> DecodeAll(string html) => SvgPattern().Matches(html).Select(m => Decode(m.Value)).ToList();

    public static string Decode(string svg)
    {
        var viewBox = ViewBoxPattern().Match(svg);
        Assert.True(viewBox.Success, "the barcode SVG has no viewBox");
        var width = int.Parse(viewBox.Groups["w"].Value);
        const int pixelsPerModule = 3;
        var row = new BitArray(width * pixelsPerModule);
        foreach (Match bar in DarkRectPattern().Matches(svg))
        {
            var x = int.Parse(bar.Groups["x"].Value);
            var w = int.Parse(bar.Groups["w"].Value);
            row.setRange(x * pixelsPerModule, (x + w) * pixelsPerModule);
        }

        var result = new Code128Reader().decodeRow(0, row, null);
        Assert.True(result is not null, "ZXing could not read the barcode");
        return result.Text;
    }

    /// <summary>The SVG of the element carrying <c>data-{attribute}="{value}"</c> (e.g. one label).</summary>
    public static string SvgInside(string html, string attribute, string value)
    {
        var start = html.IndexOf($"data-{attribute}=\"{WebUtility.HtmlEncode(value)}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no element with data-{attribute}={value}");
        return SvgPattern().Match(html, start).Value;
    }

    /// <summary>A barcode's SVG (icons are SVGs too; barcodes carry their code count in data-modules).</summary>
    [GeneratedRegex("<svg[^>]*data-modules=.*?</svg>", RegexOptions.Singleline)]
    private static partial Regex SvgPattern();

    [GeneratedRegex("viewBox=\"0 0 (?<w>\\d+) (?<h>\\d+)\"")]
    private static partial Regex ViewBoxPattern();

    [GeneratedRegex("<rect x=\"(?<x>\\d+)\" y=\"0\" width=\"(?<w>\\d+)\" height=\"\\d+\" fill=\"#000\"")]
    private static partial Regex DarkRectPattern();
}
