using Microsoft.AspNetCore.SignalR;

namespace Library.Web.Features.Catalog;

/// <summary>
/// /hubs/stock: pushes "stockChanged" with {bookId, availableCopies, totalCopies} to every connected client,
/// for kiosks and other non-Blazor listeners, and "catalogueChanged" with {bookId, change} when a title is
/// added, edited, archived, restored or removed. Anonymous, like the catalogue itself.
/// </summary>
internal sealed class StockHub : Hub
{
    public const string Path = "/hubs/stock";
    public const string StockChanged = "stockChanged";
    public const string CatalogueChanged = "catalogueChanged";
}
