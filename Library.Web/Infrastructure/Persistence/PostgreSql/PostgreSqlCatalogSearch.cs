using Library.Domain.Catalog;
using Library.Web.Features.Catalog;
using Library.Web.Infrastructure.Persistence.Search;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Library.Web.Infrastructure.Persistence.PostgreSql;

/// <summary>
/// PostgreSQL implementation of <see cref="ICatalogSearch"/> with the same rules as the SQLite one: every word must match
/// (3+ characters, or two non-ASCII characters such as Korean syllables: anywhere inside a title or author word, through the
/// pg_trgm index; shorter: as a word start, through the tsvector index), or the text is an ISBN prefix; whole words rank
/// before word starts before the rest. Structures: <see cref="PostgreSqlSearchSql"/>.
/// </summary>
internal sealed class PostgreSqlCatalogSearch : ICatalogSearch
{
    public IQueryable<Book> Match(LibraryDbContext db, IQueryable<Book> books, string searchText) =>
        MatchingIds(db, searchText) is { } ids ? books.Where(b => ids.Contains(b.Id)) : books.Where(_ => false);

    public IOrderedQueryable<Book> RankFirst(LibraryDbContext db, IQueryable<Book> matches, string searchText)
    {
        var words = SearchWords.Split(searchText);
        if (words.Count == 0)
        {
            return matches.OrderBy(_ => 0);
        }

        var exact = db.Database.SqlQueryRaw<int>(
            "SELECT \"Id\" AS \"Value\" FROM \"Books\" WHERE \"SearchVector\" @@ to_tsquery('simple', @ps_rank_exact)",
            new NpgsqlParameter("ps_rank_exact", Query(words, prefix: false)));
        var prefix = db.Database.SqlQueryRaw<int>(
            "SELECT \"Id\" AS \"Value\" FROM \"Books\" WHERE \"SearchVector\" @@ to_tsquery('simple', @ps_rank_prefix)",
            new NpgsqlParameter("ps_rank_prefix", Query(words, prefix: true)));
        return matches.OrderBy(b => exact.Contains(b.Id) ? 0 : prefix.Contains(b.Id) ? 1 : 2);
    }

    public Task<string?> SuggestAsync(LibraryDbContext db, IQueryable<Book> books, string searchText, CancellationToken cancellationToken) =>
        PostgreSqlCatalogSuggestions.SuggestAsync(db, searchText, suggestion => Match(db, books, suggestion).AnyAsync(cancellationToken), cancellationToken);

    /// <summary>"harry potter" → <c>harry:* &amp; potter:*</c> (words are letters and digits only, so nothing else needs quoting).</summary>
    internal static string Query(IEnumerable<string> words, bool prefix) =>
        string.Join(" & ", words.Select(w => w.ToLowerInvariant() + (prefix ? ":*" : string.Empty)));

    internal static bool IsInfixWord(string word) => SearchWords.IsTrigramWord(word) || SearchWords.IsShortInfixWord(word);

    private static IQueryable<int>? MatchingIds(LibraryDbContext db, string searchText)
    {
        var words = SearchWords.Split(searchText);
        var isbn = SqliteFts5CatalogSearch.ToIsbnPrefix(searchText);
        var parameters = new List<NpgsqlParameter>();
        var parts = new List<string>();
        if (words.Count > 0)
        {
            var conditions = new List<string>();
            var prefixWords = words.Where(w => !IsInfixWord(w)).ToList();
            if (prefixWords.Count > 0)
            {
                parameters.Add(new NpgsqlParameter("ps_prefix", Query(prefixWords, prefix: true)));
                conditions.Add("\"SearchVector\" @@ to_tsquery('simple', @ps_prefix)");
            }

            var infix = words.Where(IsInfixWord).ToList();
            for (var i = 0; i < infix.Count; i++)
            {
                parameters.Add(new NpgsqlParameter($"ps_like{i}", "%" + EscapeLike(infix[i].ToLowerInvariant()) + "%"));
                conditions.Add($"{PostgreSqlSearchSql.Searchable} LIKE @ps_like{i}");
            }

            parts.Add("SELECT \"Id\" AS \"Value\" FROM \"Books\" WHERE " + string.Join(" AND ", conditions));
        }

        if (isbn is not null)
        {
            parameters.Add(new NpgsqlParameter("ps_isbn", EscapeLike(isbn) + "%"));
            parts.Add("SELECT \"Id\" AS \"Value\" FROM \"Books\" WHERE \"Isbn\" LIKE @ps_isbn");
        }

        return parts.Count == 0 ? null : db.Database.SqlQueryRaw<int>(string.Join(" UNION ", parts), [.. parameters]);
    }

    private static string EscapeLike(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
