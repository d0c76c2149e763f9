using Library.Tests.TestSupport;
using Library.Web.Infrastructure.Persistence.Sqlite;
using Library.Web.Infrastructure.Persistence.Search;
using Microsoft.EntityFrameworkCore;

namespace Library.Tests.Integration;

/// <summary>
/// The migrated database has exactly the search triggers <see cref="CatalogSearchSql.CreateTriggers"/> lists, as written there:
/// a migration that rebuilds Books runs that list again, so it must be complete and current.
/// </summary>
[Trait(TestStore.Trait, TestStore.SqliteOnly)] // SQLite's FTS5 triggers; PostgreSQL's search columns are generated
public sealed class CatalogSearchTriggersTests(LibraryApp app) : IClassFixture<LibraryApp>
{
    [Fact]
    public async Task The_database_has_exactly_the_triggers_CreateTriggers_lists()
    {
        var triggers = await app.WithDbAsync(db => db.Database
            .SqlQueryRaw<string>("SELECT sql AS Value FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'Books' ORDER BY name")
            .ToListAsync());

        static string Normalize(string sql) => sql.Replace("IF NOT EXISTS ", string.Empty).TrimEnd(';').Trim();

        Assert.Equal(CatalogSearchSql.CreateTriggers.Select(Normalize).Order(), triggers.Select(Normalize).Order());
    }
}
