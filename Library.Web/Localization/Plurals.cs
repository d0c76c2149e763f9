using Microsoft.Extensions.Localization;

namespace Library.Web.Localization;

/// <summary>
/// Counted text: "KEY.One" when the count is exactly 1 ("1 day overdue", "1 copy"), otherwise "KEY" ("0 fees", "2 days").
/// English needs both forms; Korean counters (권, 건, 명, 일) do not change, so its KEY.One repeats KEY.
/// Never write "(s)".
/// </summary>
public static class Plurals
{
    public static LocalizedString Plural(this IStringLocalizer localizer, string key, int count, params object[] arguments) =>
        localizer[localizer.PluralKey(key, count), arguments];

    /// <summary>The resource name to use for <paramref name="count"/>: KEY.One for 1 when it exists, else KEY.</summary>
    public static string PluralKey(this IStringLocalizer localizer, string key, int count) =>
        count == 1 && !localizer[key + ".One"].ResourceNotFound ? key + ".One" : key;
}
