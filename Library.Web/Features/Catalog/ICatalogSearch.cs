using Library.Domain.Catalog;
using Library.Web.Infrastructure.Persistence;

namespace Library.Web.Features.Catalog;

/// <summary>
/// The catalogue's text search seam: narrows a books query to the titles a patron's search text matches (every word as the
/// start of a title or author word, or anywhere inside one, or the text as an ISBN prefix), ranks them, and offers a respelling
/// when nothing matches. The caller keeps filtering, sorting and paging, so one implementation per database engine is all a
/// provider switch needs.
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

    /// <summary>
    /// Orders matches by how well they match: every word a whole word first, then every word a word start, then the rest
    /// (words found inside other words). The caller adds the page's sort with ThenBy.
    /// </summary>
    IOrderedQueryable<Book> RankFirst(LibraryDbContext db, IQueryable<Book> matches, string searchText) => matches.OrderBy(_ => 0);

    /// <summary>A near spelling of <paramref name="searchText"/> that finds listed titles, or null ("did you mean …").</summary>
    Task<string?> SuggestAsync(LibraryDbContext db, IQueryable<Book> books, string searchText, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(null);
}
