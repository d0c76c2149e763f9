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

    public static Task<string?> SuggestAsync(
        LibraryDbContext db, string searchText, Func<string, Task<bool>> findsTitles, CancellationToken cancellationToken) =>
        Respelling.SuggestAsync(db, searchText, IsFoundAsync, NearestAsync, findsTitles, cancellationToken);

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
        var nearest = new NearestWord(word);
        if (!nearest.CanRespell)
        {
            return null;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT term, doc FROM BooksSearchVocab WHERE term >= @from AND term <= @to LIMIT @limit";
        command.Parameters.Add(new SqliteParameter("@from", word[..1]));
        command.Parameters.Add(new SqliteParameter("@to", word[..1] + "\uFFFF"));
        command.Parameters.Add(new SqliteParameter("@limit", MaxCandidates));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            nearest.Offer(reader.GetString(0), reader.GetInt64(1));
        }

        return nearest.Word;
    }
}
