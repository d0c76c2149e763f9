using System.Data.Common;
using Library.Web.Features.Catalog;
using Library.Web.Infrastructure.Persistence.Search;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Library.Web.Infrastructure.Persistence.PostgreSql;

/// <summary>
/// "Did you mean …" on PostgreSQL, by the same rules as on SQLite: each word that matches nothing alone is replaced by the
/// nearest title or author word starting with the same letter, within <see cref="SpellingDistance.AllowedFor"/> edits (also
/// against the start of longer words). Candidates are the words of the titles pg_trgm finds most similar to the word
/// (<c>&lt;%</c>, served by the trigram index), not a scan of every title's words; ties go to the word in more of them.
/// </summary>
internal static class PostgreSqlCatalogSuggestions
{
    private const int CandidateTitles = 200;
    private const string SimilarityThreshold = "0.3";

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

    private static async Task<bool> IsFoundAsync(DbConnection connection, string word, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = PostgreSqlCatalogSearch.IsInfixWord(word)
            ? $"SELECT EXISTS (SELECT 1 FROM \"Books\" WHERE {PostgreSqlSearchSql.Searchable} LIKE @pattern)"
            : "SELECT EXISTS (SELECT 1 FROM \"Books\" WHERE \"SearchVector\" @@ to_tsquery('simple', @query))";
        command.Parameters.Add(new NpgsqlParameter("pattern", "%" + word + "%"));
        command.Parameters.Add(new NpgsqlParameter("query", PostgreSqlCatalogSearch.Query([word], prefix: true)));
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    private static async Task<string?> NearestAsync(DbConnection connection, string word, CancellationToken cancellationToken)
    {
        var allowed = SpellingDistance.AllowedFor(word.Length);
        if (allowed == 0)
        {
            return null;
        }

        await using (var threshold = connection.CreateCommand())
        {
            // The default (0.6) misses one wrong syllable in a short Korean word ("다람줘": 2 of its 4 trigrams).
            // Session-level; a pooled connection is reset (DISCARD ALL) when it goes back to the pool.
            threshold.CommandText = $"SELECT set_config('pg_trgm.word_similarity_threshold', '{SimilarityThreshold}', false)";
            await threshold.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT {PostgreSqlSearchSql.Searchable} FROM \"Books\" WHERE @word <% {PostgreSqlSearchSql.Searchable} " +
            $"ORDER BY word_similarity(@word, {PostgreSqlSearchSql.Searchable}) DESC LIMIT {CandidateTitles}";
        command.Parameters.Add(new NpgsqlParameter("word", word));
        var titles = new Dictionary<string, int>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                foreach (var term in SearchWords.Split(reader.GetString(0)).Distinct())
                {
                    titles[term] = titles.GetValueOrDefault(term) + 1;
                }
            }
        }

        (string Word, int Distance, bool Whole, int Titles)? best = null;
        foreach (var (term, count) in titles)
        {
            if (!term.StartsWith(word[0]) || Score(word, term, allowed) is not { } c)
            {
                continue;
            }

            if (best is not { } b || (c.Distance, !c.Whole, -count).CompareTo((b.Distance, !b.Whole, -b.Titles)) < 0)
            {
                best = (c.Word, c.Distance, c.Whole, count);
            }
        }

        return best?.Word;
    }

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
