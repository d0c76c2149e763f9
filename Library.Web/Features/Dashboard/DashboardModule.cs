using Library.Domain.Fines.Events;
using Library.Domain.Lending.Events;
using Library.Web.Infrastructure.Messaging;

namespace Library.Web.Features.Dashboard;

internal static class DashboardModule
{
    public static WebApplicationBuilder AddDashboardModule(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<DashboardNotifier>();
        services.AddSingleton<DashboardRebuilder>();
        services.AddScoped<DashboardQueries>();
        services.AddEventHandler<BookBorrowed, DashboardProjection>();
        services.AddEventHandler<BookReturned, DashboardProjection>();
        services.AddEventHandler<BookExpired, DashboardProjection>();
        services.AddEventHandler<LoanDueDateChanged, DashboardProjection>();
        services.AddEventHandler<LateFeeCharged, DashboardProjection>();
        services.AddEventHandler<LateFeeSettled, DashboardProjection>();
        services.AddEventHandler<BorrowCancelled, DashboardProjection>();
        return builder;
    }
}
