using Library.Domain.Lending.Holds.Events;
using Library.Web.Infrastructure.Messaging;
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
        builder.Services.Configure<Holds.HoldsOptions>(builder.Configuration.GetSection(Holds.HoldsOptions.Section));
        builder.Services.AddSingleton<Holds.IHoldDemand, Holds.WaitingHoldDemand>();
        builder.Services.AddSingleton<Holds.HoldShelf>();
        builder.Services.AddSingleton<Holds.HoldQueueNotifier>();
        builder.Services.AddScoped<Holds.HoldService>();
        builder.Services.AddScoped<Holds.HoldAdminService>();
        builder.Services.AddSingleton<Holds.HoldExpiry>();
        builder.Services.AddLiveEventHandler<HoldPlaced, Holds.PublishHoldQueueOnHoldEvents>("lending.publish-holds");
        builder.Services.AddLiveEventHandler<HoldReady, Holds.PublishHoldQueueOnHoldEvents>("lending.publish-holds");
        builder.Services.AddLiveEventHandler<HoldFulfilled, Holds.PublishHoldQueueOnHoldEvents>("lending.publish-holds");
        builder.Services.AddLiveEventHandler<HoldCancelled, Holds.PublishHoldQueueOnHoldEvents>("lending.publish-holds");
        builder.Services.AddLiveEventHandler<HoldExpired, Holds.PublishHoldQueueOnHoldEvents>("lending.publish-holds");
        builder.Services.AddLiveEventHandler<HoldRequeued, Holds.PublishHoldQueueOnHoldEvents>("lending.publish-holds");
        builder.Services.AddSingleton<RenewalService>();
        builder.Services.AddSingleton<AutoRenewal>();
        builder.Services.AddSingleton<DueSoonReminders>();
        builder.Services.Configure<DueSoonOptions>(builder.Configuration.GetSection(DueSoonOptions.Section));
        builder.Services.AddScoped<LoanQueries>();
        builder.Services.AddScoped<PatronBlockQuery>();
        builder.Services.AddScoped<NextDueBackQuery>();
        builder.Services.AddSingleton<OverdueSweep>();
        return builder;
    }
}
