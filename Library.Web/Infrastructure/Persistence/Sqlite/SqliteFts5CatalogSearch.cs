using Library.Domain.Catalog;
using Library.Web.Features.Catalog;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Library.Web.Infrastructure.Persistence.Sqlite;

using Library.Web.Infrastructure.Persistence.Search;

/// <summary>
/// SQLite implementation of <see cref="ICatalogSearch"/> over two FTS5 indexes of the listed Books(Title, Author) (see
/// <see cref="CatalogSearchSql"/>): the word index (BooksSearch) for whole words and word starts, the trigram index
/// (BooksTrigram) for words found inside other words ("lockmak" finds "Clockmaker", "람쥐" finds "다람쥐"). Every search word
/// must match; plus an ISBN prefix range on the unique ISBN index when the text looks like (part of) an ISBN. The id sets
/// are in <see cref="SearchSets"/>; "did you mean" lives in <see cref="SqliteCatalogSuggestions"/>.
/// </summary>
internal sealed class SqliteFts5CatalogSearch : ICatalogSearch
{
    /// <summary>Walking the sort index costs about this many times less per step than fetching and sorting one match.</summary>
    private const int WalkStepsPerFetch = 10;

    /// <summary>
    /// Walk only when at least 1 in this many titles is in the tier: titles cluster by script in sort order (Korean after
    /// all Latin titles), so a sparse Korean tier would be walked through every English title first (bench: 꿀벌, 2,380
    /// matches: walk 23 ms, fetch and sort 8 ms).
    /// </summary>
    private const int WalkDensity = 20;

    /// <summary>Whole words, word starts, the rest.</summary>
    public int Tiers => 3;

    public IQueryable<Book> Match(LibraryDbContext db, IQueryable<Book> books, string searchText) =>
        Filter(db, books, new SearchSets(searchText).All, hideKey: false);

    /// <summary>With no filter, a count of index entries: the indexes hold exactly the listed titles.</summary>
    public async Task<int> CountAsync(
        LibraryDbContext db, IQueryable<Book> books, bool allListed, string searchText, int throughTier, CancellationToken cancellationToken)
    {
        var set = new SearchSets(searchText).Through(throughTier);
        if (set is null)
        {
            return 0;
        }

        if (!allListed)
        {
            return await Filter(db, books, set, hideKey: false).CountAsync(cancellationToken);
        }

        // The SQL is ours (SearchSets); the search text only ever travels as parameters.
        var sql = "SELECT COUNT(*) AS Value FROM (" + set.Sql + ")";
        return await db.Database.SqlQueryRaw<int>(sql, [.. set.Parameters]).SingleAsync(cancellationToken);
    }

    /// <summary>
    /// Few matches: SQLite fetches each by primary key and sorts them. Many matches for the rows needed: "Id + 0" hides the
    /// key from the planner, so it walks the sort index (every sort has one), probes the tier's id set (no table read) and
    /// stops after the page. Walking costs about catalogue size × rows needed ÷ matches steps (if the tier's titles are spread
    /// through the sort order; see <see cref="WalkDensity"/>).
    /// </summary>
    public async Task<IQueryable<Book>> TierAsync(
        LibraryDbContext db, IQueryable<Book> books, string searchText, int tier, int tierCount, int rowsNeeded, CancellationToken cancellationToken)
    {
        var catalogueSize = await db.Books.MaxAsync(b => (int?)b.Id, cancellationToken) ?? 0;
        var walk = (long)tierCount * WalkDensity >= catalogueSize
            && (long)rowsNeeded * catalogueSize < (long)WalkStepsPerFetch * tierCount * tierCount;
        return Filter(db, books, new SearchSets(searchText).Tier(tier), hideKey: walk);
    }

    /// <summary>
    /// Three characters or more: the trigram index's Author column (it folds case in every script, and accents), so the filter
    /// reads the few matching index entries instead of every author. Shorter text has no trigram: the contains scan. The index
    /// holds listed titles only, which is all the catalogue's filters are applied to (an archived title never matches).
    /// </summary>
    public IQueryable<Book> AuthorContains(LibraryDbContext db, IQueryable<Book> books, string author)
    {
        var text = author.Trim();
        if (!SearchWords.IsTrigramWord(text))
        {
            return books.WhereAnyContains(text, b => b.Author);
        }

        var ids = db.Database.SqlQueryRaw<int>(
            "SELECT rowid AS Value FROM BooksTrigram WHERE BooksTrigram MATCH @cs_author",
            new SqliteParameter("@cs_author", "Author : \"" + text.Replace("\"", "\"\"") + "\""));
        return books.Where(b => ids.Contains(b.Id));
    }

    public Task<string?> SuggestAsync(LibraryDbContext db, IQueryable<Book> books, string searchText, CancellationToken cancellationToken) =>
        SqliteCatalogSuggestions.SuggestAsync(db, searchText, suggestion => Match(db, books, suggestion).AnyAsync(cancellationToken), cancellationToken);

    /// <summary>Composable raw SQL: EF wraps it as "Id IN (SELECT Value FROM (...))", so sorting and paging stay in one query.</summary>
    private static IQueryable<Book> Filter(LibraryDbContext db, IQueryable<Book> books, SearchSet? set, bool hideKey)
    {
        if (set is null)
        {
            return books.Where(_ => false);
        }

        var ids = db.Database.SqlQueryRaw<int>(set.Sql, [.. set.Parameters]);
        return hideKey ? books.Where(b => ids.Contains(b.Id + 0)) : books.Where(b => ids.Contains(b.Id));
    }
}
