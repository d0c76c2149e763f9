using Library.Domain.Catalog.Events;
using Library.Web.Infrastructure.Messaging;
using Library.Web.Infrastructure.Persistence.Search;

namespace Library.Web.Features.Catalog;

internal static class CatalogModule
{
    public static WebApplicationBuilder AddCatalogModule(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<StockNotifier>();
        builder.Services.Configure<CatalogResilienceOptions>(builder.Configuration.GetSection(CatalogResilienceOptions.Section));
        builder.Services.AddSingleton<CatalogChaos>();
        builder.Services.AddSingleton<CatalogGuard>();
        builder.Services.AddScoped<BookQueries>();
        builder.Services.AddLiveEventHandler<BookStockChanged, PublishStockOnBookStockChanged>("catalog.publish-stock");
        builder.Services.AddSingleton<CatalogueNotifier>();
        builder.Services.AddLiveEventHandler<BookCatalogueChanged, PublishCatalogueOnBookCatalogueChanged>("catalog.publish-catalogue");
        return builder;
    }
}
