using Microsoft.EntityFrameworkCore;

namespace Library.Web.Infrastructure.Persistence.Sqlite;

/// <summary>The model on SQLite; its migrations live in <c>Sqlite/Migrations</c>.</summary>
public sealed class SqliteLibraryDbContext(DbContextOptions<SqliteLibraryDbContext> options) : LibraryDbContext(options);
