using Library.Domain.Lending;

namespace Library.Web.Features.Calendar;

internal static class CalendarModule
{
    /// <summary>The library's closed days: the snapshot <see cref="LibraryCalendar"/> asks (see LibraryTimeZone) and its refresher.</summary>
    public static WebApplicationBuilder AddCalendarModule(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<CalendarOptions>(builder.Configuration.GetSection(CalendarOptions.Section));
        services.AddSingleton<ClosedDaysSnapshot>();
        services.AddSingleton<IClosedDays>(sp => sp.GetRequiredService<ClosedDaysSnapshot>());
        services.AddHostedService<ClosedDaysRefresher>();
        return builder;
    }
}
