using Library.Web.Features.Catalog;
using Library.Web.Infrastructure.Messaging;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Library.Web.Infrastructure.Persistence.PostgreSql;

/// <summary>Everything the app needs from PostgreSQL: the context, no write gate (row locks), search, migrations.</summary>
internal static class PostgreSqlStore
{
    public static void Register(IServiceCollection services, string? configured, Action<IServiceProvider, DbContextOptionsBuilder> common)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            throw new StartupConfigurationException(
                "Database:Provider is PostgreSQL but ConnectionStrings:Library is empty; give an Npgsql connection string " +
                "(Host=…;Port=…;Database=…;Username=…;Password=…).");
        }

        NpgsqlConnectionStringBuilder csb;
        try
        {
            csb = new NpgsqlConnectionStringBuilder(configured);
        }
        catch (ArgumentException ex)
        {
            throw new StartupConfigurationException($"ConnectionStrings:Library is not an Npgsql connection string: {ex.Message}");
        }

        var connectionString = csb.ConnectionString;
        services.AddSingleton<IWriteGate, NoWriteGate>();
        services.AddSingleton<ICatalogSearch, PostgreSqlCatalogSearch>();
        services.AddSingleton<IDbErrors, PostgreSqlDbErrors>();
        services.AddSingleton<INodeLease>(_ => new PostgreSqlNodeLease(connectionString));
        services.AddSingleton<IOutboxClaim, PostgreSqlOutboxClaim>();
        services.AddSingleton<IStoreMigrator>(sp => new PostgreSqlMigrator(
            connectionString, sp.GetRequiredService<IDbContextFactory<LibraryDbContext>>(), sp.GetRequiredService<ILogger<PostgreSqlMigrator>>()));
        services.AddDbContextFactory<PostgreSqlLibraryDbContext>((sp, options) =>
        {
            options.UseNpgsql(connectionString);
            common(sp, options);
        });
        services.AddSingleton<IDbContextFactory<LibraryDbContext>, ContextFactory<PostgreSqlLibraryDbContext>>();
    }
}
