using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Library.Web.Infrastructure.Persistence.Sqlite;

/// <summary>For <c>dotnet ef migrations add … --context SqliteLibraryDbContext</c>: no database is opened.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteLibraryDbContext>
{
    public SqliteLibraryDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteLibraryDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
