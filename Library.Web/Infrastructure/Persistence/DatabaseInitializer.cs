using Library.Web.Infrastructure.Cluster;
using Library.Web.Infrastructure.Persistence.Backfill;
using Library.Web.Infrastructure.Identity.Setup;
using Library.Web.Infrastructure.Persistence.Seeding;
using Library.Web.Infrastructure.Security;

namespace Library.Web.Infrastructure.Persistence;

internal static class DatabaseInitializer
{
    /// <summary>
    /// Applies migrations (see <see cref="IStoreMigrator"/>), imports data-protection key files of earlier versions, seeds roles,
    /// seeds demo data when asked (by default in Development only), warns in Production while demo accounts exist, and sees to
    /// the first librarian. Before seeding it claims the node's lease (<see cref="INodeLease"/>): a node that must not share
    /// this database stops here with <see cref="StartupConfigurationException"/>.
    /// </summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var lease = app.Services.GetRequiredService<INodeLease>();
        await services.GetRequiredService<IStoreMigrator>().MigrateAsync(async () =>
        {
            await lease.ClaimAsync(ClusterMode.IsOn(app.Configuration), app.Lifetime.ApplicationStopping);
            await SeedAsync(app, services);
        }, app.Lifetime.ApplicationStopping);
    }

    private static async Task SeedAsync(WebApplication app, IServiceProvider services)
    {
        await services.GetRequiredService<FileKeysImport>().RunAsync(
            StorageOptions.DataDirectory(app.Configuration, app.Environment.ContentRootPath), CancellationToken.None);
        await services.GetRequiredService<CopiesBackfill>().RunAsync(CancellationToken.None);
        await services.GetRequiredService<CardNumbersBackfill>().RunAsync(CancellationToken.None);
        await services.GetRequiredService<LoanClosedAtBackfill>().RunAsync(CancellationToken.None);
        var seeder = services.GetRequiredService<DemoDataSeeder>();
        await seeder.SeedRolesAsync();
        if (app.Configuration.GetValue("Seed:Demo", app.Environment.IsDevelopment()))
        {
            await seeder.SeedAsync(CancellationToken.None);
        }

        if (app.Environment.IsProduction() && await services.GetRequiredService<DemoAccounts>().ExistingAsync(CancellationToken.None) is { Count: > 0 } demo)
        {
            app.Logger.LogWarning(
                "Demo accounts exist in this Production database ({Accounts}); their passwords are published. Delete them or change their passwords.",
                string.Join(", ", demo));
        }

        if (await services.GetRequiredService<FirstLibrarianSetup>().RunAsync() is { } code)
        {
            app.Lifetime.ApplicationStarted.Register(() => app.Logger.LogWarning(
                "No librarian account exists yet. Open {SetupUrl} and enter the setup code {SetupCode} to create the first librarian.",
                string.Join(", ", app.Urls.Select(u => u.TrimEnd('/') + "/setup")), code));
        }
    }
}
