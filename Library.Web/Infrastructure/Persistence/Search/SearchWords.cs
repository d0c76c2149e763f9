using System.Globalization;
using System.Text;

namespace Library.Web.Infrastructure.Persistence.Search;

/// <summary>The words of a search text: runs of letters and digits (combining marks kept), the first 8, composed (NFC).</summary>
internal static class SearchWords
{
    public const int MaxWords = 8;

    public static List<string> Split(string searchText)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in searchText.Normalize(NormalizationForm.FormC).Append(' '))
        {
            if (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark)
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                if (words.Count < MaxWords)
                {
                    words.Add(word.ToString());
                }

                word.Clear();
            }
        }

        return words;
    }

    /// <summary>Quoted for an FTS5 MATCH (so FTS5 syntax in the input is inert), optionally as a prefix: "harr"*.</summary>
    public static string Phrase(string word, bool prefix = false) => "\"" + word.Replace("\"", "\"\"") + "\"" + (prefix ? "*" : string.Empty);

    /// <summary>Every word as a prefix of a word: "harr"* "pot"*.</summary>
    public static string PrefixExpression(IEnumerable<string> words) => string.Join(' ', words.Select(w => Phrase(w, prefix: true)));

    /// <summary>Every word as a whole word: "harry" "potter".</summary>
    public static string ExactExpression(IEnumerable<string> words) => string.Join(' ', words.Select(w => Phrase(w)));

    /// <summary>
    /// Words the trigram index can find anywhere inside a word: 3 characters or more (trigrams need 3).
    /// </summary>
    public static bool IsTrigramWord(string word) => word.Length >= 3;

    /// <summary>
    /// Two-letter words outside ASCII (Korean "람쥐", where two syllables carry as much as a short English word):
    /// matched anywhere as the start of a trigram (a range of the trigram index's terms). Two-letter ASCII words ("of", "ch")
    /// stay word starts only: as substrings they would match almost everything.
    /// </summary>
    public static bool IsShortInfixWord(string word) => word.Length == 2 && word.Any(c => c > '\u007F');

    /// <summary>"978-0-306" → "9780306": digits (and a trailing X), hyphens and spaces ignored, at least 3 digits.</summary>
    internal static string? ToIsbnPrefix(string searchText)
    {
        var compact = new string(searchText.Where(c => c is not ('-' or ' ')).ToArray()).ToUpperInvariant();
        if (compact.Length < 3 || compact.Length > 13)
        {
            return null;
        }

        for (var i = 0; i < compact.Length; i++)
        {
            if (!char.IsAsciiDigit(compact[i]) && !(compact[i] == 'X' && i == compact.Length - 1))
            {
                return null;
            }
        }

        return compact;
    }
}
