using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Library.Web.Features.Lending;

internal static class LendingModule
{
    public static WebApplicationBuilder AddLendingModule(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<LendingOptions>(builder.Configuration.GetSection(LendingOptions.Section));
        builder.Services.Configure<LendingThrottleOptions>(builder.Configuration.GetSection(LendingThrottleOptions.Section));
        builder.Services.TryAddSingleton<IPerPatronLimits, InProcessPerPatronLimits>();
        builder.Services.AddSingleton<LendingThrottle>();
        builder.Services.AddScoped<LendingService>();
        builder.Services.AddSingleton<RenewalService>();
        builder.Services.AddSingleton<AutoRenewal>();
        builder.Services.AddSingleton<DueSoonReminders>();
        builder.Services.Configure<DueSoonOptions>(builder.Configuration.GetSection(DueSoonOptions.Section));
        builder.Services.AddSingleton<Holds.IHoldDemand, Holds.NoHoldDemand>();
        builder.Services.AddScoped<LoanQueries>();
        builder.Services.AddScoped<PatronBlockQuery>();
        builder.Services.AddScoped<NextDueBackQuery>();
        builder.Services.AddSingleton<OverdueSweep>();
        return builder;
    }
}
