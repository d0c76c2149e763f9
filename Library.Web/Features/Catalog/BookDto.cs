using Library.Domain.Catalog;

namespace Library.Web.Features.Catalog;

public sealed record BookDto(
    int Id, string Title, string Author, string Isbn, string? Publisher, int? Year, string? Description,
    int TotalCopies, int AvailableCopies, string? CoverVersion = null)
{
    public static BookDto From(Book b) =>
        new(b.Id, b.Title, b.Author, b.Isbn, b.Publisher, b.Year, b.Description, b.TotalCopies, b.AvailableCopies, b.CoverVersion);
}

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int TotalCount, int Page, int PageSize);

/// <summary>One page of the catalogue; <see cref="Suggestion"/> is a respelling of the search that finds titles, offered when it found none.</summary>
public sealed record CatalogPage(IReadOnlyList<BookDto> Items, int TotalCount, int Page, int PageSize, string? Suggestion = null);
