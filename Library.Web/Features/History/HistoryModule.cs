using Library.Web.Infrastructure.Persistence.Backfill;

namespace Library.Web.Features.History;

internal static class HistoryModule
{
    public static WebApplicationBuilder AddHistoryModule(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<LoanHistoryQueries>();
        builder.Services.AddScoped<LoanHistoryCsv>();
        builder.Services.AddScoped<LoanClosedAtBackfill>();
        return builder;
    }
}
