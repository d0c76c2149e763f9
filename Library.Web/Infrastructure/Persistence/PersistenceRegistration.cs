using Library.Web.Infrastructure.Messaging;
using Library.Web.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Library.Web.Infrastructure.Persistence;

internal static class PersistenceRegistration
{
    public static WebApplicationBuilder AddPersistence(this WebApplicationBuilder builder)
    {
        var connectionString = ResolveSqliteConnectionString(builder.Configuration, builder.Environment.ContentRootPath);
        var dataDirectory = Path.GetDirectoryName(new SqliteConnectionStringBuilder(connectionString).DataSource)!;
        Directory.CreateDirectory(dataDirectory);

        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<OutboxInterceptor>();
        builder.Services.AddSingleton<OutboxCommitInterceptor>();
        builder.Services.AddSingleton<SqlitePragmas>();
        builder.Services.AddSingleton<IWriteGate, SqliteWriteGate>();
        builder.Services.AddSingleton<IDbErrors, Sqlite.SqliteDbErrors>();
        builder.Services.AddOptions<DbWriterOptions>().BindConfiguration(DbWriterOptions.Section);
        builder.Services.AddSingleton<DbWriter>();
        builder.Services.AddDbContextFactory<LibraryDbContext>((sp, options) => options
            .UseSqlite(connectionString)
            .AddInterceptors(
                sp.GetRequiredService<SqlitePragmas>(),
                sp.GetRequiredService<OutboxInterceptor>(),
                sp.GetRequiredService<OutboxCommitInterceptor>())
            // Extra interceptors registered as IInterceptor (diagnostics, fault injection in tests).
            .AddInterceptors(sp.GetServices<IInterceptor>()));
        builder.Services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<LibraryDbContext>>().CreateDbContext());

        // Keys must survive restarts (sign-in cookies, antiforgery); they live beside the database on the data volume.
        builder.Services.AddDataProtection()
            .SetApplicationName("Library")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys")))
            .ProtectKeysFromConfiguration(builder.Configuration);
        return builder;
    }

    public static string ResolveSqliteConnectionString(IConfiguration configuration, string contentRoot)
    {
        var configured = configuration.GetConnectionString("Library");
        var csb = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? "Data Source=data/library.db" : configured);
        if (!Path.IsPathRooted(csb.DataSource))
        {
            csb.DataSource = Path.GetFullPath(Path.Combine(contentRoot, csb.DataSource));
        }

        csb.Pooling = true;
        return csb.ToString();
    }
}
