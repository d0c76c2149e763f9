using System.Globalization;
using System.Text;

namespace Library.Web.Features.Covers;

/// <summary>The picture of a title without a cover: initials on a colour that always follows from the title.</summary>
internal sealed record CoverPlaceholder(string Initials, string Background);

internal static class CoverPlaceholders
{
    /// <summary>Dark colours on which white text has a contrast ratio of at least 6.5:1 (WCAG AA asks 4.5:1 for any text size).</summary>
    public static readonly string[] Palette =
        ["#1B5E20", "#0D47A1", "#4A148C", "#B71C1C", "#004D40", "#3E2723", "#1A237E", "#880E4F", "#263238", "#33691E"];

    public static CoverPlaceholder For(string title) => new(Initials(title), Palette[Fnv1a(title.Trim()) % (uint)Palette.Length]);

    /// <summary>
    /// The first letters of the first two words ("The Hobbit" → "TH"); a Korean title gives its first two syllables
    /// ("채식주의자" → "채식", "소년이 온다" → "소년"), since a syllable block is already a whole sound.
    /// </summary>
    public static string Initials(string title)
    {
        var words = title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(char.IsLetterOrDigit).ToArray()))
            .Where(w => w.Length > 0)
            .ToList();
        if (words.Count == 0)
        {
            return "?";
        }

        if (IsHangul(words[0][0]))
        {
            var syllables = string.Concat(words).Where(IsHangul).Take(2);
            return new string(syllables.ToArray());
        }

        var initials = new StringBuilder();
        foreach (var word in words.Take(2))
        {
            initials.Append(StringInfo.GetNextTextElement(word).ToUpper(CultureInfo.InvariantCulture));
        }

        return initials.ToString();
    }

    private static bool IsHangul(char c) => c is >= '\uAC00' and <= '\uD7A3';

    /// <summary>A stable hash (string.GetHashCode differs between processes, so nodes would disagree on the colour).</summary>
    private static uint Fnv1a(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
