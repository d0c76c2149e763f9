using Library.Domain.Catalog;
using Library.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Library.Web.Features.Catalog;

public enum BookSort
{
    Title = 0,
    Author = 1,
    Year = 2,
    Available = 3,
}

internal sealed class BookQueries(IDbContextFactory<LibraryDbContext> dbFactory, ICatalogSearch catalogSearch, CatalogGuard guard)
{
    public const int MaxPageSize = 100;

    /// <summary>Search and listing, behind the catalogue's circuit breaker.</summary>
    /// <exception cref="CatalogUnavailableException">The catalogue cannot be read right now.</exception>
    public Task<CatalogPage> SearchAsync(
        string? search, int page, int pageSize, BookSort sort, bool descending, CancellationToken cancellationToken) =>
        SearchAsync(search, CatalogFilter.None, page, pageSize, sort, descending, cancellationToken);

    /// <inheritdoc cref="SearchAsync(string?, int, int, BookSort, bool, CancellationToken)"/>
    public Task<CatalogPage> SearchAsync(
        string? search, CatalogFilter filter, int page, int pageSize, BookSort sort, bool descending, CancellationToken cancellationToken) =>
        guard.ReadAsync(ct => SearchUnguardedAsync(search, filter, page, pageSize, sort, descending, ct), cancellationToken);

    private async Task<CatalogPage> SearchUnguardedAsync(
        string? search, CatalogFilter filter, int page, int pageSize, BookSort sort, bool descending, CancellationToken cancellationToken)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var text = string.IsNullOrWhiteSpace(search) ? null : search.Trim();
        var listed = Listed(db, filter);
        var total = await (text is null ? listed : catalogSearch.Match(db, listed, text)).CountAsync(cancellationToken);
        var skip = (page - 1) * pageSize;
        var items = total <= skip
            ? []
            : await PageQuery(db, text, filter, total, skip, pageSize, sort, descending).ToListAsync(cancellationToken);
        var suggestion = total == 0 && text is not null
            ? await catalogSearch.SuggestAsync(db, Listed(db, filter), text, cancellationToken)
            : null;
        return new CatalogPage(items.Select(BookDto.From).ToList(), total, page, pageSize, suggestion);
    }

    private static IQueryable<Book> Listed(LibraryDbContext db, CatalogFilter filter) =>
        filter.Apply(db.Books.AsNoTracking().Where(b => !b.IsArchived));

    /// <summary>
    /// One sorted page of the listed titles matching <paramref name="text"/> (all when null) and the filter. A search ranks
    /// its matches first (whole words, then word starts, then inside words), then the page's sort.
    /// </summary>
    internal IQueryable<Book> PageQuery(
        LibraryDbContext db, string? text, CatalogFilter filter, int matches, int skip, int take, BookSort sort, bool descending)
    {
        var query = Listed(db, filter);
        if (text is null)
        {
            return Order(query, sort, descending).Skip(skip).Take(take);
        }

        query = catalogSearch.MatchForPage(db, query, text, matches, skip + take);
        return ThenOrder(catalogSearch.RankFirst(db, query, text), sort, descending).Skip(skip).Take(take);
    }

    private static IOrderedQueryable<Book> ThenOrder(IOrderedQueryable<Book> query, BookSort sort, bool descending) =>
        (sort, descending) switch
        {
            (BookSort.Author, false) => query.ThenBy(b => b.Author).ThenBy(b => b.Title),
            (BookSort.Author, true) => query.ThenByDescending(b => b.Author).ThenByDescending(b => b.Title),
            (BookSort.Year, false) => query.ThenBy(b => b.Year).ThenBy(b => b.Title),
            (BookSort.Year, true) => query.ThenByDescending(b => b.Year).ThenByDescending(b => b.Title),
            (BookSort.Available, false) => query.ThenBy(b => b.AvailableCopies).ThenBy(b => b.Title),
            (BookSort.Available, true) => query.ThenByDescending(b => b.AvailableCopies).ThenByDescending(b => b.Title),
            (_, true) => query.ThenByDescending(b => b.Title),
            _ => query.ThenBy(b => b.Title),
        };

    /// <summary>"Reverse order" reverses the whole ordering (title breaks ties), so every sort is one index scan.</summary>
    internal static IQueryable<Book> Order(IQueryable<Book> query, BookSort sort, bool descending) =>
        (sort, descending) switch
        {
            (BookSort.Author, false) => query.OrderBy(b => b.Author).ThenBy(b => b.Title),
            (BookSort.Author, true) => query.OrderByDescending(b => b.Author).ThenByDescending(b => b.Title),
            (BookSort.Year, false) => query.OrderBy(b => b.Year).ThenBy(b => b.Title),
            (BookSort.Year, true) => query.OrderByDescending(b => b.Year).ThenByDescending(b => b.Title),
            (BookSort.Available, false) => query.OrderBy(b => b.AvailableCopies).ThenBy(b => b.Title),
            (BookSort.Available, true) => query.OrderByDescending(b => b.AvailableCopies).ThenByDescending(b => b.Title),
            (_, true) => query.OrderByDescending(b => b.Title),
            _ => query.OrderBy(b => b.Title),
        };

    public async Task<BookDto?> FindAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var book = await db.Books.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
        return book is null ? null : BookDto.From(book);
    }

    public async Task<BookDto?> FindByIsbnAsync(string isbn, CancellationToken cancellationToken)
    {
        if (!Isbn.TryNormalize(isbn, out var normalized))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var book = await db.Books.AsNoTracking().SingleOrDefaultAsync(b => b.Isbn == normalized, cancellationToken);
        return book is null ? null : BookDto.From(book);
    }
}
