using Library.Web.Infrastructure.Live;

namespace Library.Web.Features.Catalog;

public sealed record StockLevel(int BookId, int AvailableCopies, int TotalCopies);

/// <summary>Tells open catalogue and book pages that a title's stock changed (key: book id).</summary>
public sealed class StockNotifier(ILogger<StockNotifier> logger) : KeyedNotifier<int, StockLevel>(logger);
