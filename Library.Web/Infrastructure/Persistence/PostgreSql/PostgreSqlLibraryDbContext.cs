using Microsoft.EntityFrameworkCore;

namespace Library.Web.Infrastructure.Persistence.PostgreSql;

/// <summary>The model on PostgreSQL; its migrations live in <c>PostgreSql/Migrations</c>.</summary>
public sealed class PostgreSqlLibraryDbContext(DbContextOptions<PostgreSqlLibraryDbContext> options) : LibraryDbContext(options);
