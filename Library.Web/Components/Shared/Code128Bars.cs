using ZXing.OneD;

namespace Library.Web.Components.Shared;

/// <summary>One dark bar of a barcode, in modules (the narrowest bar's width) from the left edge.</summary>
public readonly record struct Bar(int X, int Width);

/// <summary>
/// A Code 128 symbol as bars, encoded by ZXing.Net and drawn by <see cref="BarcodeSvg"/> as SVG rectangles: vector output stays
/// sharp at any print size, and the page needs no image endpoint or script.
/// </summary>
public sealed record Code128Bars(string Text, int Modules, IReadOnlyList<Bar> Bars)
{
    /// <summary>White space each side a scanner needs to find the start and stop patterns (10 modules or more).</summary>
    public const int QuietZone = 10;

    public static Code128Bars For(string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        var modules = new Code128Writer().encode(text);
        var bars = new List<Bar>();
        for (var i = 0; i < modules.Length; i++)
        {
            if (!modules[i] || (i > 0 && modules[i - 1]))
            {
                continue;
            }

            var end = i;
            while (end < modules.Length && modules[end])
            {
                end++;
            }

            bars.Add(new Bar(QuietZone + i, end - i));
        }

        return new Code128Bars(text, modules.Length + 2 * QuietZone, bars);
    }
}
