using Library.Web.Features.Catalog;

namespace Library.Web.Components.Pages.Catalog;

/// <summary>Everything the catalogue URL holds: search, filters, sort and page (defaults are left out of the URL).</summary>
public sealed record CatalogueQuery(string? Q, CatalogFilter Filter, int Page, BookSort Sort, bool Desc, int Size)
{
    public const int DefaultSize = 20;

    public IReadOnlyDictionary<string, object?> ToQueryParameters() => new Dictionary<string, object?>
    {
        ["q"] = Q,
        ["available"] = Filter.AvailableOnly ? "true" : null,
        ["author"] = string.IsNullOrWhiteSpace(Filter.Author) ? null : Filter.Author.Trim(),
        ["publisher"] = string.IsNullOrWhiteSpace(Filter.Publisher) ? null : Filter.Publisher.Trim(),
        ["yearFrom"] = Filter.YearFrom,
        ["yearTo"] = Filter.YearTo,
        ["sort"] = Sort != BookSort.Title ? Sort.ToString() : null,
        ["desc"] = Desc ? "true" : null,
        ["size"] = Size != DefaultSize ? Size : null,
        ["page"] = Page > 1 ? Page : null,
    };
}
