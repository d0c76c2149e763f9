using Library.Web.Infrastructure.Persistence.Seeding;
using Microsoft.EntityFrameworkCore;

namespace Library.Web.Infrastructure.Persistence;

internal static class DatabaseInitializer
{
    /// <summary>Applies migrations, switches the file to WAL, and seeds demo data when the database is new.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LibraryDbContext>();
        await db.Database.MigrateAsync();
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync(SqlitePragmas.EnableWal);
        }

        if (app.Configuration.GetValue("Seed:Demo", true))
        {
            await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(CancellationToken.None);
        }
    }
}
