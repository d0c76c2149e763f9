using Library.Domain.Catalog;
using Library.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Library.Web.Features.Catalog;

/// <summary>
/// The catalogue's text search seam: narrows a books query to the titles a patron's search text matches (every word as the
/// start of a title or author word, or anywhere inside one, or the text as an ISBN prefix), ranks them in tiers, and offers a
/// respelling when nothing matches. The caller keeps filtering, sorting and paging (tier by tier), so one implementation per
/// database engine is all a provider switch needs; only <see cref="Match"/> is required (the rest default to one unranked tier).
/// </summary>
public interface ICatalogSearch
{
    IQueryable<Book> Match(LibraryDbContext db, IQueryable<Book> books, string searchText);

    /// <summary>
    /// How many rank tiers the matches fall into, best first. SQLite has three: every word a whole word, every word a word
    /// start, the rest (words found inside other words, ISBN prefixes). Each tier is read in the page's sort order.
    /// </summary>
    int Tiers => 1;

    /// <summary>
    /// How many of <paramref name="books"/> match in tiers 0 to <paramref name="throughTier"/>. <paramref name="allListed"/>:
    /// <paramref name="books"/> is exactly the listed catalogue (no filter), so an engine may count from its index alone.
    /// </summary>
    Task<int> CountAsync(
        LibraryDbContext db, IQueryable<Book> books, bool allListed, string searchText, int throughTier, CancellationToken cancellationToken) =>
        Match(db, books, searchText).CountAsync(cancellationToken);

    /// <summary>
    /// The matches of one tier (<paramref name="tierCount"/> of them), for reading its first <paramref name="rowsNeeded"/>
    /// rows in the caller's sort order; an engine may shape it for that (e.g. walk the sort index instead of sorting every match).
    /// </summary>
    Task<IQueryable<Book>> TierAsync(
        LibraryDbContext db, IQueryable<Book> books, string searchText, int tier, int tierCount, int rowsNeeded, CancellationToken cancellationToken) =>
        Task.FromResult(Match(db, books, searchText));

    /// <summary>
    /// The catalogue's author filter: <paramref name="books"/> whose author contains <paramref name="author"/>, case ignored.
    /// An engine may answer it from its search index instead of reading every author.
    /// </summary>
    IQueryable<Book> AuthorContains(LibraryDbContext db, IQueryable<Book> books, string author) =>
        books.WhereAnyContains(author, b => b.Author);

    /// <summary>A near spelling of <paramref name="searchText"/> that finds listed titles, or null ("did you mean …").</summary>
    Task<string?> SuggestAsync(LibraryDbContext db, IQueryable<Book> books, string searchText, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(null);
}
