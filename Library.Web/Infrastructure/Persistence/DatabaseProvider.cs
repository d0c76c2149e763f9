namespace Library.Web.Infrastructure.Persistence;

internal enum DatabaseProvider
{
    Sqlite = 0,
    PostgreSql = 1,
}

/// <summary><c>Database:Provider</c>: <c>Sqlite</c> (default) or <c>PostgreSQL</c>, case-insensitive.</summary>
internal static class DatabaseProviderSetting
{
    public const string Key = "Database:Provider";

    public static DatabaseProvider Read(IConfiguration configuration)
    {
        var value = configuration[Key]?.Trim();
        if (string.IsNullOrEmpty(value) || value.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return DatabaseProvider.Sqlite;
        }

        if (value.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase))
        {
            return DatabaseProvider.PostgreSql;
        }

        throw new StartupConfigurationException($"{Key} is \"{value}\"; allowed values are Sqlite (the default) and PostgreSQL.");
    }
}

/// <summary>A setting the app cannot start with; Program prints its message as one line and exits.</summary>
internal sealed class StartupConfigurationException(string message) : Exception(message);
