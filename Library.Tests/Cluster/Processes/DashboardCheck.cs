using Library.Web.Features.Dashboard;
using Library.Web.Infrastructure.Persistence;
using Library.Web.Infrastructure.Persistence.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Library.Tests.Cluster.Processes;

/// <summary>
/// The dashboards the nodes kept up event by event, next to what the app's own <see cref="DashboardRebuilder"/> computes
/// from loans and fees — run here in the test process against the cluster's database.
/// </summary>
internal static class DashboardCheck
{
    public static async Task<(List<(string, int, long, int)> Incremental, List<(string, int, long, int)> Rebuilt)> CompareAsync(string connectionString)
    {
        // The app's own PostgreSQL registration (context factory, write gate, error classification), then the rebuilder.
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddSingleton<DbWriter>()
            .AddSingleton<DashboardRebuilder>();
        PostgreSqlStore.Register(services, connectionString, (_, _) => { });
        services.Configure<DbWriterOptions>(_ => { });
        await using var provider = services.BuildServiceProvider();

        var rebuilt = await provider.GetRequiredService<DashboardRebuilder>().ComputeAsync(default);
        await using var db = await provider.GetRequiredService<IDbContextFactory<LibraryDbContext>>().CreateDbContextAsync();
        var incremental = await db.PatronDashboards.AsNoTracking().ToListAsync();
        return (Shape(incremental), Shape(rebuilt));
    }

    private static List<(string, int, long, int)> Shape(IEnumerable<PatronDashboard> rows) =>
        rows.Select(d => (d.PatronId, d.BooksOnLoan, d.AccumulatedFees, d.OverdueLoans)).OrderBy(r => r.Item1, StringComparer.Ordinal).ToList();
}
