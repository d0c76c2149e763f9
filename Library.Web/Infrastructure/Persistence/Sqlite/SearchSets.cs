using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Library.Web.Infrastructure.Persistence.Sqlite;

using Library.Web.Infrastructure.Persistence.Search;

/// <summary>
/// The id sets of one search text, straight from the search indexes (which hold only listed titles, see
/// <see cref="CatalogSearchSql"/>): whole words (<see cref="Exact"/>) ⊆ word starts (<see cref="Prefix"/>) ⊆ every match
/// (<see cref="All"/>, which adds words found inside other words and ISBN prefixes). Null means "no ids".
/// </summary>
internal sealed class SearchSets
{

    private readonly List<string> words;
    private readonly string? isbn;

    public SearchSets(string searchText)
    {
        words = SearchWords.Split(searchText);
        isbn = SearchWords.ToIsbnPrefix(searchText);
    }

    /// <summary>Every word a whole title or author word.</summary>
    public SearchSet? Exact => words.Count == 0 ? null : WordIndex("@cs_exact", SearchWords.ExactExpression(words));

    /// <summary>Every word the start of a title or author word.</summary>
    public SearchSet? Prefix => words.Count == 0 ? null : WordIndex("@cs_prefix", SearchWords.PrefixExpression(words));

    /// <summary>Every word matches (a word start, or anywhere inside a word), or the text is the start of an ISBN.</summary>
    public SearchSet? All
    {
        get
        {
            var isbnSet = isbn is null ? null : new SearchSet(
                "SELECT Id AS Value FROM Books WHERE Isbn >= @cs_isbn_from AND Isbn < @cs_isbn_to " +
                "AND Id NOT IN (SELECT Id FROM Books WHERE IsArchived = 1)",
                [new SqliteParameter("@cs_isbn_from", isbn), new SqliteParameter("@cs_isbn_to", isbn + "\uFFFF")]);
            return words.Count == 0 ? isbnSet : WordMatches().Union(isbnSet);
        }
    }

    /// <summary>Cumulative tiers: 0 = <see cref="Exact"/>, 1 = <see cref="Prefix"/>, 2 = <see cref="All"/>.</summary>
    public SearchSet? Through(int tier) => tier switch { 0 => Exact, 1 => Prefix, _ => All };

    /// <summary>One tier alone: whole words; word starts that are not whole words; the rest.</summary>
    public SearchSet? Tier(int tier) => tier == 0 ? Exact : Through(tier)?.Except(Through(tier - 1));

    /// <summary>
    /// Every word must match. A word of 3+ characters is found anywhere in a word by the trigram index, which also covers its
    /// word-start matches (both indexes fold case and accents); a 2-character word with a non-ASCII letter (Korean) anywhere
    /// as the start of a trigram; other short words are word starts. With no infix word this is exactly <see cref="Prefix"/>.
    /// </summary>
    private SearchSet WordMatches()
    {
        var trigramWords = words.Where(SearchWords.IsTrigramWord).ToList();
        var shortInfixWords = words.Where(SearchWords.IsShortInfixWord).ToList();
        var prefixWords = words.Except(trigramWords).Except(shortInfixWords).ToList();
        var sets = new List<SearchSet>();
        if (trigramWords.Count > 0)
        {
            sets.Add(new SearchSet(
                "SELECT rowid AS Value FROM BooksTrigram WHERE BooksTrigram MATCH @cs_trigram",
                [new SqliteParameter("@cs_trigram", SearchWords.ExactExpression(trigramWords))]));
        }

        for (var i = 0; i < shortInfixWords.Count; i++)
        {
            sets.Add(ShortInfix($"@cs_short{i}", shortInfixWords[i]));
        }

        if (prefixWords.Count > 0)
        {
            sets.Add(WordIndex("@cs_short_prefix", SearchWords.PrefixExpression(prefixWords)));
        }

        return sets[0].Intersect(sets.Skip(1).ToList());
    }

    private static SearchSet WordIndex(string name, string expression) =>
        new("SELECT rowid AS Value FROM BooksSearch WHERE BooksSearch MATCH " + name, [new SqliteParameter(name, expression)]);

    /// <summary>The titles with a trigram starting with the word: the word anywhere, thanks to the index's end marker.</summary>
    internal static SearchSet ShortInfix(string name, string word)
    {
        var folded = FoldLikeTrigrams(word);
        return new SearchSet(
            $"SELECT DISTINCT doc AS Value FROM BooksTrigramInstances WHERE term >= {name} AND term < {name}_to",
            [new SqliteParameter(name, folded), new SqliteParameter(name + "_to", folded + "\uFFFF")]);
    }

    /// <summary>As the trigram tokenizer stores text: lower case, and accents removed from letters outside Hangul.</summary>
    internal static string FoldLikeTrigrams(string word)
    {
        var lower = word.ToLowerInvariant();
        if (lower.Any(c => c is >= '\u1100' and <= '\u11FF' or >= '\u3130' and <= '\u318F' or >= '\uAC00' and <= '\uD7A3'))
        {
            return lower;
        }

        var bare = lower.Normalize(NormalizationForm.FormD).Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark);
        return new string(bare.ToArray()).Normalize(NormalizationForm.FormC);
    }

}
