using System.Globalization;

namespace Library.Web.Localization;

/// <summary>Money is integer won, always shown as ₩ with thousands separators, whatever the UI language.</summary>
public static class Won
{
    public static string Format(long amount) =>
        (amount < 0 ? "-₩" : "₩") + Math.Abs(amount).ToString("N0", CultureInfo.InvariantCulture);
}
