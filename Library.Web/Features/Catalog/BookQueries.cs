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
        var skip = (page - 1) * pageSize;
        var (total, items) = text is null
            ? await BrowseAsync(db, filter, skip, pageSize, sort, descending, cancellationToken)
            : await SearchTiersAsync(db, text, filter, skip, pageSize, sort, descending, cancellationToken);
        var suggestion = total == 0 && text is not null
            ? await catalogSearch.SuggestAsync(db, Listed(db, filter), text, cancellationToken)
            : null;
        return new CatalogPage(items.Select(BookDto.From).ToList(), total, page, pageSize, suggestion);
    }

    /// <summary>
    /// Not archived, written as "not among the archived ids" (a few, read from the IsArchived index) so that walking a sort
    /// index tests it without reading each book's row.
    /// </summary>
    private IQueryable<Book> Listed(LibraryDbContext db, CatalogFilter filter)
    {
        var archived = Archived(db);
        return Filtered(db, db.Books.AsNoTracking().Where(b => !archived.Contains(b.Id)), filter);
    }

    private IQueryable<Book> Filtered(LibraryDbContext db, IQueryable<Book> books, CatalogFilter filter) =>
        filter.Apply(books, (query, author) => catalogSearch.AuthorContains(db, query, author));

    private static IQueryable<int> Archived(LibraryDbContext db)
    {
        var archived = true; // a parameter, so SQLite can use the IsArchived index
        return db.Books.Where(b => b.IsArchived == archived).Select(b => b.Id);
    }

    /// <summary>
    /// No search text: the count is all books minus archived ones (each through its own index: "not archived" alone cannot
    /// use one, and made SQLite read every row), then one page through the sort's index.
    /// </summary>
    private async Task<(int Total, List<Book> Items)> BrowseAsync(
        LibraryDbContext db, CatalogFilter filter, int skip, int take, BookSort sort, bool descending, CancellationToken cancellationToken)
    {
        var archived = Archived(db);
        var total = await Filtered(db, db.Books, filter).CountAsync(cancellationToken)
            - await Filtered(db, db.Books.Where(b => archived.Contains(b.Id)), filter).CountAsync(cancellationToken);
        var items = total <= skip
            ? []
            : await Order(Listed(db, filter), sort, descending).Skip(skip).Take(take).ToListAsync(cancellationToken);
        return (total, items);
    }

    /// <summary>
    /// A search reads its matches tier by tier (whole words, then word starts, then inside words: <see cref="ICatalogSearch.Tiers"/>),
    /// each in the page's sort, counting a tier only when the page reaches it. So a sort index serves every tier and a
    /// common word's first page never sorts all its matches.
    /// </summary>
    private async Task<(int Total, List<Book> Items)> SearchTiersAsync(
        LibraryDbContext db, string text, CatalogFilter filter, int skip, int take, BookSort sort, bool descending, CancellationToken cancellationToken)
    {
        var allListed = filter.ActiveCount == 0;
        var listed = Listed(db, filter);
        var last = catalogSearch.Tiers - 1;
        var total = await catalogSearch.CountAsync(db, listed, allListed, text, last, cancellationToken);
        var items = new List<Book>();
        var before = 0;
        for (var tier = 0; tier <= last && items.Count < take && skip + items.Count < total; tier++)
        {
            var through = tier == last ? total : await catalogSearch.CountAsync(db, listed, allListed, text, tier, cancellationToken);
            var inTier = Math.Max(0, through - before);
            var offset = skip + items.Count - before;
            if (offset < inTier)
            {
                var wanted = take - items.Count;
                var matches = await catalogSearch.TierAsync(db, listed, text, tier, inTier, offset + wanted, cancellationToken);
                items.AddRange(await Order(matches, sort, descending).Skip(offset).Take(wanted).ToListAsync(cancellationToken));
            }

            before = Math.Max(before, through);
        }

        return (total, items);
    }

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
