using Library.Domain.Fines.Events;
using Library.Domain.Lending.Events;
using Library.Web.Infrastructure.Messaging;

namespace Library.Web.Features.Dashboard;

internal static class DashboardModule
{
    private const string Projection = "dashboard.projection";

    public static WebApplicationBuilder AddDashboardModule(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<DashboardNotifier>();
        services.AddSingleton<DashboardRebuilder>();
        services.AddScoped<DashboardQueries>();
        services.AddEventHandler<BookBorrowed, DashboardProjection>(Projection);
        services.AddEventHandler<BookReturned, DashboardProjection>(Projection);
        services.AddEventHandler<BookExpired, DashboardProjection>(Projection);
        services.AddEventHandler<LoanDueDateChanged, DashboardProjection>(Projection);
        services.AddEventHandler<LoanRenewed, DashboardProjection>(Projection);
        services.AddEventHandler<LateFeeCharged, DashboardProjection>(Projection);
        services.AddEventHandler<LateFeeSettled, DashboardProjection>(Projection);
        services.AddEventHandler<BorrowCancelled, DashboardProjection>(Projection);
        services.AddEventHandler<CopyLossRecorded, DashboardProjection>(Projection);
        services.AddEventHandler<LostCopyFeeCharged, DashboardProjection>(Projection);
        services.AddEventHandler<Domain.Lending.Holds.Events.HoldPlaced, DashboardProjection>(Projection);
        services.AddEventHandler<Domain.Lending.Holds.Events.HoldReady, DashboardProjection>(Projection);
        services.AddEventHandler<Domain.Lending.Holds.Events.HoldFulfilled, DashboardProjection>(Projection);
        services.AddEventHandler<Domain.Lending.Holds.Events.HoldCancelled, DashboardProjection>(Projection);
        services.AddEventHandler<Domain.Lending.Holds.Events.HoldExpired, DashboardProjection>(Projection);
        services.AddEventHandler<Domain.Lending.Holds.Events.HoldRequeued, DashboardProjection>(Projection);
        return builder;
    }
}
