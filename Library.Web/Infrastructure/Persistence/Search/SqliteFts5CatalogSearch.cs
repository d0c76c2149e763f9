using Library.Domain.Catalog;
using Library.Web.Features.Catalog;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Library.Web.Infrastructure.Persistence.Search;

/// <summary>
/// SQLite implementation of <see cref="ICatalogSearch"/> over two FTS5 indexes of Books(Title, Author) (see <see cref="CatalogSearchSql"/>):
/// the word index (BooksSearch) for whole words and word starts, the trigram index (BooksTrigram) for words found inside
/// other words ("lockmak" finds "Clockmaker", "람쥐" finds "다람쥐"). Every search word must match; plus an ISBN prefix range on
/// the unique ISBN index when the text looks like (part of) an ISBN. "Did you mean" lives in <see cref="SqliteCatalogSuggestions"/>.
/// </summary>
internal sealed class SqliteFts5CatalogSearch : ICatalogSearch
{
    private const int MinIsbnPrefix = 3;

    /// <summary>From this many matches on, a page is read by walking the sort index (see <see cref="MatchForPage"/>).</summary>
    internal const int ManyMatches = 2000;

    public IQueryable<Book> Match(LibraryDbContext db, IQueryable<Book> books, string searchText) =>
        MatchingIds(db, searchText) is { } ids ? books.Where(b => ids.Contains(b.Id)) : books.Where(_ => false);

    /// <summary>
    /// With few matches SQLite fetches each match by primary key and sorts them: cheapest. With many matches (a common
    /// word) that sort dominates, so "Id + 0" hides the key from the planner: it then walks the sort index (every sort has
    /// one) and stops after the page, probing the match list row by row. Only when the page lies in the first quarter of the
    /// matches, so the walk stays short (bench/CatalogSearch: a word in half of 100,000 titles, page 1: about 3× faster).
    /// </summary>
    public IQueryable<Book> MatchForPage(LibraryDbContext db, IQueryable<Book> books, string searchText, int matches, int rowsNeeded)
    {
        if (matches < ManyMatches || rowsNeeded > matches / 4 || MatchingIds(db, searchText) is not { } ids)
        {
            return Match(db, books, searchText);
        }

        return books.Where(b => ids.Contains(b.Id + 0));
    }

    /// <summary>Whole-word matches (tier 0), then word-start matches (1), then the rest: infix words and ISBN prefixes (2).</summary>
    public IOrderedQueryable<Book> RankFirst(LibraryDbContext db, IQueryable<Book> matches, string searchText)
    {
        var words = SearchWords.Split(searchText);
        if (words.Count == 0)
        {
            return matches.OrderBy(_ => 0);
        }

        var exact = db.Database.SqlQueryRaw<int>(
            "SELECT rowid AS Value FROM BooksSearch WHERE BooksSearch MATCH @cs_rank_exact",
            new SqliteParameter("@cs_rank_exact", SearchWords.ExactExpression(words)));
        var prefix = db.Database.SqlQueryRaw<int>(
            "SELECT rowid AS Value FROM BooksSearch WHERE BooksSearch MATCH @cs_rank_prefix",
            new SqliteParameter("@cs_rank_prefix", SearchWords.PrefixExpression(words)));
        return matches.OrderBy(b => exact.Contains(b.Id) ? 0 : prefix.Contains(b.Id) ? 1 : 2);
    }

    public Task<string?> SuggestAsync(LibraryDbContext db, IQueryable<Book> books, string searchText, CancellationToken cancellationToken) =>
        SqliteCatalogSuggestions.SuggestAsync(db, searchText, suggestion => Match(db, books, suggestion).AnyAsync(cancellationToken), cancellationToken);

    /// <summary>Ids of the books whose title/author words contain every search word, or whose ISBN starts with the text.</summary>
    private static IQueryable<int>? MatchingIds(LibraryDbContext db, string searchText)
    {
        var words = SearchWords.Split(searchText);
        var isbn = ToIsbnPrefix(searchText);
        var parameters = new List<SqliteParameter>();
        var parts = new List<string>();
        if (words.Count > 0)
        {
            parts.Add(WordsSql(words, parameters));
        }

        if (isbn is not null)
        {
            parameters.Add(new SqliteParameter("@cs_isbn_from", isbn));
            parameters.Add(new SqliteParameter("@cs_isbn_to", isbn + "\uFFFF"));
            parts.Add("SELECT Id AS Value FROM Books WHERE Isbn >= @cs_isbn_from AND Isbn < @cs_isbn_to");
        }

        // Composable raw SQL: EF wraps it as "Id IN (SELECT Value FROM (...))", so sorting and paging stay in one query.
        return parts.Count == 0 ? null : db.Database.SqlQueryRaw<int>(string.Join(" UNION ", parts), [.. parameters]);
    }

    /// <summary>
    /// Every word must match. A word of 3+ characters is found anywhere in a word by the trigram index, which also covers its
    /// word-start matches (both indexes fold case and accents); a short word is a word start, or (Korean) anywhere by LIKE.
    /// When no word can match inside a word, this is exactly the word-start search of the word index.
    /// </summary>
    private static string WordsSql(List<string> words, List<SqliteParameter> parameters)
    {
        var trigramWords = words.Where(SearchWords.IsTrigramWord).ToList();
        var likeWords = words.Where(SearchWords.IsShortInfixWord).ToList();
        if (trigramWords.Count == 0 && likeWords.Count == 0)
        {
            parameters.Add(new SqliteParameter("@cs_prefix", SearchWords.PrefixExpression(words)));
            return "SELECT rowid AS Value FROM BooksSearch WHERE BooksSearch MATCH @cs_prefix";
        }

        var conditions = new List<string>();
        if (trigramWords.Count > 0)
        {
            parameters.Add(new SqliteParameter("@cs_trigram", SearchWords.ExactExpression(trigramWords)));
            conditions.Add("Id IN (SELECT rowid FROM BooksTrigram WHERE BooksTrigram MATCH @cs_trigram)");
        }

        var prefixWords = words.Except(trigramWords).Except(likeWords).ToList();
        if (prefixWords.Count > 0)
        {
            parameters.Add(new SqliteParameter("@cs_short_prefix", SearchWords.PrefixExpression(prefixWords)));
            conditions.Add("Id IN (SELECT rowid FROM BooksSearch WHERE BooksSearch MATCH @cs_short_prefix)");
        }

        for (var i = 0; i < likeWords.Count; i++)
        {
            parameters.Add(new SqliteParameter($"@cs_like{i}", "%" + likeWords[i] + "%"));
            conditions.Add($"(Title LIKE @cs_like{i} OR Author LIKE @cs_like{i})");
        }

        return "SELECT Id AS Value FROM Books WHERE " + string.Join(" AND ", conditions);
    }

    /// <summary>"978-0-306" → "9780306": digits (and a trailing X), hyphens and spaces ignored, at least 3 digits.</summary>
    internal static string? ToIsbnPrefix(string searchText)
    {
        var compact = new string(searchText.Where(c => c is not ('-' or ' ')).ToArray()).ToUpperInvariant();
        if (compact.Length < MinIsbnPrefix || compact.Length > 13)
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
