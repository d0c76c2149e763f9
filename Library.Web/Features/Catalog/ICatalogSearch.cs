using Library.Domain.Catalog;
using Library.Web.Infrastructure.Persistence;

namespace Library.Web.Features.Catalog;

/// <summary>
/// The catalogue's text search seam: narrows a books query to the titles a patron's search text matches
/// (every word as a prefix of a title or author word, or the text as an ISBN prefix). The caller keeps
/// filtering, sorting and paging, so one implementation per database engine is all a provider switch needs.
/// </summary>
public interface ICatalogSearch
{
    IQueryable<Book> Match(LibraryDbContext db, IQueryable<Book> books, string searchText);

    /// <summary>
    /// The same filter, for reading one sorted page once the number of matches is known; an engine may shape it
    /// differently (e.g. walk the sort index instead of sorting every match). <paramref name="rowsNeeded"/> is skip + take.
    /// </summary>
    IQueryable<Book> MatchForPage(LibraryDbContext db, IQueryable<Book> books, string searchText, int matches, int rowsNeeded) =>
        Match(db, books, searchText);
}
