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
/// before word starts before the rest (three tiers, each read in the page's sort). Structures: <see cref="PostgreSqlSearchSql"/>.
/// </summary>
internal sealed class PostgreSqlCatalogSearch : ICatalogSearch
{
    /// <summary>Whole words, word starts, the rest.</summary>
    public int Tiers => 3;

    public IQueryable<Book> Match(LibraryDbContext db, IQueryable<Book> books, string searchText) =>
        Filter(db, books, Sets(searchText, SetKind.All));

    public Task<int> CountAsync(
        LibraryDbContext db, IQueryable<Book> books, bool allListed, string searchText, int throughTier, CancellationToken cancellationToken) =>
        Filter(db, books, Sets(searchText, throughTier switch { 0 => SetKind.Tier0, 1 => SetKind.ThroughTier1, _ => SetKind.All }))
            .CountAsync(cancellationToken);

    public Task<IQueryable<Book>> TierAsync(
        LibraryDbContext db, IQueryable<Book> books, string searchText, int tier, int tierCount, int rowsNeeded, CancellationToken cancellationToken) =>
        Task.FromResult(Filter(db, books, Sets(searchText, tier switch { 0 => SetKind.Tier0, 1 => SetKind.Tier1, _ => SetKind.Tier2 })));

    public Task<string?> SuggestAsync(LibraryDbContext db, IQueryable<Book> books, string searchText, CancellationToken cancellationToken) =>
        PostgreSqlCatalogSuggestions.SuggestAsync(db, searchText, suggestion => Match(db, books, suggestion).AnyAsync(cancellationToken), cancellationToken);

    /// <summary>"harry potter" → <c>harry:* &amp; potter:*</c> (words are letters and digits only, so nothing else needs quoting).</summary>
    internal static string Query(IEnumerable<string> words, bool prefix) =>
        string.Join(" & ", words.Select(w => w.ToLowerInvariant() + (prefix ? ":*" : string.Empty)));

    internal static bool IsInfixWord(string word) => SearchWords.IsTrigramWord(word) || SearchWords.IsShortInfixWord(word);

    private enum SetKind
    {
        All,
        Tier0,
        ThroughTier1,
        Tier1,
        Tier2,
    }

    private static IQueryable<Book> Filter(LibraryDbContext db, IQueryable<Book> books, (string Sql, NpgsqlParameter[] Parameters)? set)
    {
        if (set is not { } s)
        {
            return books.Where(_ => false);
        }

        var ids = db.Database.SqlQueryRaw<int>(s.Sql, s.Parameters);
        return books.Where(b => ids.Contains(b.Id));
    }

    /// <summary>
    /// The ids of one set as SQL: all matches (M), tier 0 = M ∩ whole words (E), tier 1 = M ∩ word starts (P) − E,
    /// tier 2 = M − P. Whole words are word starts, so "through tier 1" is M ∩ P.
    /// </summary>
    private static (string Sql, NpgsqlParameter[] Parameters)? Sets(string searchText, SetKind kind)
    {
        var words = SearchWords.Split(searchText);
        var parameters = new List<NpgsqlParameter>();
        var all = MatchSql(words, SearchWords.ToIsbnPrefix(searchText), parameters);
        if (all is null)
        {
            return null;
        }

        if (kind == SetKind.All || words.Count == 0)
        {
            return kind is SetKind.All or SetKind.Tier2 ? ($"SELECT \"Value\" FROM ({all}) AS m", [.. parameters]) : null;
        }

        parameters.Add(new NpgsqlParameter("ps_exact", Query(words, prefix: false)));
        parameters.Add(new NpgsqlParameter("ps_start", Query(words, prefix: true)));
        const string exact = "SELECT \"Id\" AS \"Value\" FROM \"Books\" WHERE \"SearchVector\" @@ to_tsquery('simple', @ps_exact)";
        const string start = "SELECT \"Id\" AS \"Value\" FROM \"Books\" WHERE \"SearchVector\" @@ to_tsquery('simple', @ps_start)";
        var sql = kind switch
        {
            SetKind.Tier0 => $"({all}) INTERSECT ({exact})",
            SetKind.ThroughTier1 => $"({all}) INTERSECT ({start})",
            SetKind.Tier1 => $"(({all}) INTERSECT ({start})) EXCEPT ({exact})",
            _ => $"({all}) EXCEPT ({start})",
        };
        return ($"SELECT \"Value\" FROM ({sql}) AS tier", [.. parameters]);
    }

    /// <summary>Every word must match; or the text is the start of an ISBN.</summary>
    private static string? MatchSql(List<string> words, string? isbn, List<NpgsqlParameter> parameters)
    {
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
                parameters.Add(new NpgsqlParameter($"ps_like{i}", "%" + CaseInsensitiveContains.EscapeLike(infix[i].ToLowerInvariant()) + "%"));
                conditions.Add($"{PostgreSqlSearchSql.Searchable} LIKE @ps_like{i}");
            }

            parts.Add("SELECT \"Id\" AS \"Value\" FROM \"Books\" WHERE " + string.Join(" AND ", conditions));
        }

        if (isbn is not null)
        {
            parameters.Add(new NpgsqlParameter("ps_isbn", CaseInsensitiveContains.EscapeLike(isbn) + "%"));
            parts.Add("SELECT \"Id\" AS \"Value\" FROM \"Books\" WHERE \"Isbn\" LIKE @ps_isbn");
        }

        return parts.Count == 0 ? null : string.Join(" UNION ", parts);
    }
}
