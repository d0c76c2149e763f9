using Library.Web.Infrastructure.Messaging;
using Library.Web.Infrastructure.Persistence.PostgreSql;
using Library.Web.Infrastructure.Persistence.Sqlite;
using Library.Web.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Library.Web.Infrastructure.Persistence;

/// <summary>The one place that chooses the store (<c>Database:Provider</c>); feature code never names a provider.</summary>
internal static class PersistenceRegistration
{
    public static WebApplicationBuilder AddPersistence(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var contentRoot = builder.Environment.ContentRootPath;
        var provider = DatabaseProviderSetting.Read(configuration);
        var dataDirectory = StorageOptions.DataDirectory(configuration, contentRoot);
        Directory.CreateDirectory(dataDirectory);

        var services = builder.Services;
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxInterceptor>();
        services.AddSingleton<OutboxCommitInterceptor>();
        services.AddOptions<DbWriterOptions>().BindConfiguration(DbWriterOptions.Section);
        services.AddSingleton<DbWriter>();
        var connectionString = configuration.GetConnectionString("Library");
        if (provider == DatabaseProvider.PostgreSql)
        {
            PostgreSqlStore.Register(services, connectionString, Common);
        }
        else
        {
            SqliteStore.Register(services, connectionString, contentRoot, Common);
        }

        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<LibraryDbContext>>().CreateDbContext());

        // Keys must survive restarts and be the same on every node (sign-in cookies, bearer tokens, antiforgery): they live in
        // the database, next to everything else a backup holds. Key files of earlier versions are imported once (FileKeysImport).
        services.AddDataProtection()
            .SetApplicationName("Library")
            .PersistKeysToDbContext<LibraryDbContext>()
            .ProtectKeysFromConfiguration(configuration);
        services.AddSingleton<FileKeysImport>();
        return builder;
    }

    private static void Common(IServiceProvider sp, DbContextOptionsBuilder options) => options
        .AddInterceptors(sp.GetRequiredService<OutboxInterceptor>(), sp.GetRequiredService<OutboxCommitInterceptor>())
        // Extra interceptors registered as IInterceptor (diagnostics, fault injection in tests).
        .AddInterceptors(sp.GetServices<IInterceptor>());
}
