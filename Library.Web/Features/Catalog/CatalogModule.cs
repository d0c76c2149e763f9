using Library.Domain.Catalog.Events;
using Library.Web.Features.Catalog.Copies;
using Library.Web.Infrastructure.Identity.Cards;
using Library.Web.Infrastructure.Messaging;
using Library.Web.Infrastructure.Persistence.Backfill;
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
        builder.Services.AddOptions<CodeOptions>().Bind(builder.Configuration.GetSection(CodeOptions.Section))
            .Validate(CodeOptions.AreValid, "Codes:CopyPrefix and Codes:CardPrefix are 0 to 8 capital letters A-Z and differ.")
            .ValidateOnStart();
        builder.Services.AddSingleton<CopyBarcodes>();
        builder.Services.AddSingleton<CardNumbers>();
        builder.Services.AddScoped<CopiesBackfill>();
        builder.Services.AddScoped<CardNumbersBackfill>();
        builder.Services.AddLiveEventHandler<BookStockChanged, PublishStockOnBookStockChanged>("catalog.publish-stock");
        builder.Services.AddSingleton<CatalogueNotifier>();
        builder.Services.AddLiveEventHandler<BookCatalogueChanged, PublishCatalogueOnBookCatalogueChanged>("catalog.publish-catalogue");
        return builder;
    }
}
