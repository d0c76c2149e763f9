using Library.Domain.Catalog.Events;
using Library.Web.Infrastructure.Live;

namespace Library.Web.Features.Catalog;

public sealed record CatalogueChange(int BookId, BookCatalogueChange Change);

/// <summary>
/// Tells open catalogue pages that a title was added, edited, archived, restored or removed (key: book id).
/// Lists subscribe with SubscribeAll and reload; stock changes come through <see cref="StockNotifier"/>.
/// </summary>
public sealed class CatalogueNotifier(ILogger<CatalogueNotifier> logger) : KeyedNotifier<int, CatalogueChange>(logger);
