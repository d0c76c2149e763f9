using System.Data.Common;
using Library.Web.Features.Catalog;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Library.Web.Infrastructure.Persistence.Sqlite;

using Library.Web.Infrastructure.Persistence.Search;

/// <summary>
/// "Did you mean …" for a search that found nothing: each word that matches no title or author is replaced by the nearest
/// word of the word index's vocabulary (BooksSearchVocab) that starts with the same letter or syllable, within
/// <see cref="SpellingDistance.AllowedFor"/> edits (also against the start of longer words, so "다람줘" finds "다람쥐의");
/// ties go to the word in more titles. Offered only if the respelt search finds listed titles.
/// </summary>
internal static class SqliteCatalogSuggestions
{
    /// <summary>Vocabulary words read per misspelt word at most (all share its first letter).</summary>
    private const int MaxCandidates = 20_000;

    public static async Task<string?> SuggestAsync(
        LibraryDbContext db, string searchText, Func<string, Task<bool>> findsTitles, CancellationToken cancellationToken)
    {
        var words = SearchWords.Split(searchText);
        if (words.Count == 0)
        {
            return null;
        }

        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        var respelt = new List<string>();
        var changed = false;
        foreach (var word in words)
        {
            var lower = word.ToLowerInvariant();
            if (await IsFoundAsync(connection, lower, cancellationToken))
            {
                respelt.Add(word);
                continue;
            }

            if (await NearestAsync(connection, lower, cancellationToken) is not { } nearest)
            {
                return null;
            }

            respelt.Add(char.IsUpper(word[0]) ? char.ToUpperInvariant(nearest[0]) + nearest[1..] : nearest);
            changed = true;
        }

        var suggestion = string.Join(' ', respelt);
        return changed && await findsTitles(suggestion) ? suggestion : null;
    }

    /// <summary>Does the word alone match something (a word start, or inside a word)?</summary>
    private static async Task<bool> IsFoundAsync(DbConnection connection, string word, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT EXISTS (SELECT 1 FROM BooksSearchVocab WHERE term >= @from AND term <= @to)" +
            (SearchWords.IsTrigramWord(word) ? " OR EXISTS (SELECT 1 FROM BooksTrigram WHERE BooksTrigram MATCH @phrase)" : string.Empty) +
            (SearchWords.IsShortInfixWord(word) ? " OR EXISTS (SELECT 1 FROM BooksTrigramInstances WHERE term >= @short AND term < @short_to)" : string.Empty);
        command.Parameters.Add(new SqliteParameter("@from", word));
        command.Parameters.Add(new SqliteParameter("@to", word + "\uFFFF"));
        command.Parameters.Add(new SqliteParameter("@phrase", SearchWords.Phrase(word)));
        var folded = SearchSets.FoldLikeTrigrams(word);
        command.Parameters.Add(new SqliteParameter("@short", folded));
        command.Parameters.Add(new SqliteParameter("@short_to", folded + "\uFFFF"));
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) != 0;
    }

    private static async Task<string?> NearestAsync(DbConnection connection, string word, CancellationToken cancellationToken)
    {
        var allowed = SpellingDistance.AllowedFor(word.Length);
        if (allowed == 0)
        {
            return null;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT term, doc FROM BooksSearchVocab WHERE term >= @from AND term <= @to LIMIT @limit";
        command.Parameters.Add(new SqliteParameter("@from", word[..1]));
        command.Parameters.Add(new SqliteParameter("@to", word[..1] + "\uFFFF"));
        command.Parameters.Add(new SqliteParameter("@limit", MaxCandidates));
        (string Word, int Distance, bool Whole, long Titles)? best = null;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var term = reader.GetString(0);
            var titles = reader.GetInt64(1);
            var candidate = Score(word, term, allowed);
            if (candidate is { } c && (best is not { } b || (c.Distance, !c.Whole, -titles).CompareTo((b.Distance, !b.Whole, -b.Titles)) < 0))
            {
                best = (c.Word, c.Distance, c.Whole, titles);
            }
        }

        return best?.Word;
    }

    /// <summary>The term itself, or its start as long as the word, whichever is nearer (the whole term on a tie).</summary>
    private static (string Word, int Distance, bool Whole)? Score(string word, string term, int allowed)
    {
        var whole = SpellingDistance.Between(word, term, allowed);
        var start = term.Length > word.Length ? SpellingDistance.Between(word, term.AsSpan(0, word.Length), allowed) : allowed + 1;
        if (Math.Min(whole, start) > allowed)
        {
            return null;
        }

        return whole <= start ? (term, whole, true) : (term[..word.Length], start, false);
    }
}
