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

    public static Task<string?> SuggestAsync(
        LibraryDbContext db, string searchText, Func<string, Task<bool>> findsTitles, CancellationToken cancellationToken) =>
        Respelling.SuggestAsync(db, searchText, IsFoundAsync, NearestAsync, findsTitles, cancellationToken);

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
        var nearest = new NearestWord(word);
        if (!nearest.CanRespell)
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

        foreach (var (term, count) in titles)
        {
            if (term.StartsWith(word[0]))
            {
                nearest.Offer(term, count);
            }
        }

        return nearest.Word;
    }
}
