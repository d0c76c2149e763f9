using Library.Domain.Catalog;
using Library.Web.Infrastructure.Persistence;

namespace Library.Web.Features.Catalog;

/// <summary>
/// The catalogue's filters beside the search text: only titles with a copy on the shelf now, author and publisher
/// (the text anywhere in the name, case ignored in every script; % and _ are literal), publication year range (inclusive).
/// </summary>
public sealed record CatalogFilter(bool AvailableOnly = false, string? Author = null, string? Publisher = null, int? YearFrom = null, int? YearTo = null)
{
    public const int MaxTextLength = 200;

    public static readonly CatalogFilter None = new();

    /// <summary>A year range whose start is after its end matches nothing; callers reject it as bad input.</summary>
    public bool HasBadYearRange => YearFrom is { } from && YearTo is { } to && from > to;

    /// <summary>How many filters are set (shown on the collapsed filter panel).</summary>
    public int ActiveCount =>
        (AvailableOnly ? 1 : 0) + (Blank(Author) is null ? 0 : 1) + (Blank(Publisher) is null ? 0 : 1) + (YearFrom is null && YearTo is null ? 0 : 1);

    /// <param name="authorContains">The store's author match (<see cref="ICatalogSearch.AuthorContains"/>).</param>
    internal IQueryable<Book> Apply(IQueryable<Book> books, Func<IQueryable<Book>, string, IQueryable<Book>> authorContains)
    {
        if (AvailableOnly)
        {
            books = books.Where(b => b.AvailableCopies > 0);
        }

        if (Blank(Author) is { } author)
        {
            books = authorContains(books, author);
        }

        books = books.WhereAnyContains(Publisher, b => b.Publisher);

        if (YearFrom is { } from)
        {
            books = books.Where(b => b.Year >= from);
        }

        if (YearTo is { } to)
        {
            books = books.Where(b => b.Year <= to);
        }

        return books;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
