using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Library.Web.Infrastructure.Persistence.PostgreSql;

/// <summary>For <c>dotnet ef migrations add … --context PostgreSqlLibraryDbContext</c>: no database is opened.</summary>
internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlLibraryDbContext>
{
    public PostgreSqlLibraryDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlLibraryDbContext>().UseNpgsql("Host=localhost;Database=library_design").Options);
}
