using Library.Web.Features.Catalog;
using Library.Web.Infrastructure.Messaging;
using Library.Web.Infrastructure.Persistence.Search;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Library.Web.Infrastructure.Persistence.Sqlite;

/// <summary>Everything the app needs from SQLite: the context, per-connection pragmas, the write gate, search, migrations.</summary>
internal static class SqliteStore
{
    public const string DefaultConnectionString = "Data Source=data/library.db";

    public static void Register(IServiceCollection services, string? configured, string contentRoot, Action<IServiceProvider, DbContextOptionsBuilder> common)
    {
        var connectionString = ResolveConnectionString(configured, contentRoot);
        Directory.CreateDirectory(Path.GetDirectoryName(new SqliteConnectionStringBuilder(connectionString).DataSource)!);
        services.AddSingleton<SqlitePragmas>();
        services.AddSingleton<IWriteGate, SqliteWriteGate>();
        services.AddSingleton<ICatalogSearch, SqliteFts5CatalogSearch>();
        services.AddSingleton<IStoreMigrator, SqliteMigrator>();
        services.AddSingleton<IDbErrors, SqliteDbErrors>();
        services.AddSingleton<INodeLease, NoNodeLease>();
        services.AddSingleton<IOutboxClaim, OutboxQueryClaim>();
        services.AddDbContextFactory<SqliteLibraryDbContext>((sp, options) =>
        {
            options.UseSqlite(connectionString).AddInterceptors(sp.GetRequiredService<SqlitePragmas>());
            common(sp, options);
        });
        services.AddSingleton<IDbContextFactory<LibraryDbContext>, ContextFactory<SqliteLibraryDbContext>>();
    }

    public static string ResolveConnectionString(string? configured, string contentRoot)
    {
        var csb = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? DefaultConnectionString : configured);
        if (!Path.IsPathRooted(csb.DataSource))
        {
            csb.DataSource = Path.GetFullPath(Path.Combine(contentRoot, csb.DataSource));
        }

        csb.Pooling = true;
        return csb.ToString();
    }

    private sealed class SqliteMigrator(IDbContextFactory<LibraryDbContext> dbFactory) : IStoreMigrator
    {
        public async Task MigrateAsync(Func<Task> seed, CancellationToken cancellationToken)
        {
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                await db.Database.MigrateAsync(cancellationToken);
                await db.Database.ExecuteSqlRawAsync(SqlitePragmas.EnableWal, cancellationToken);
            }

            await seed();
        }
    }
}
