using Library.Web.Infrastructure.Persistence;
using Library.Web.Infrastructure.Persistence.PostgreSql;
using Library.Web.Infrastructure.Persistence.Sqlite;

namespace Library.Web.Features.Reports;

internal static class ReportsModule
{
    public static WebApplicationBuilder AddReportsModule(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<IReportSql>(DatabaseProviderSetting.Read(builder.Configuration) == DatabaseProvider.PostgreSql
            ? new PostgreSqlReportSql()
            : new SqliteReportSql());
        services.AddScoped<ReportQueries>();
        services.AddScoped<ReportsCsv>();
        return builder;
    }
}
