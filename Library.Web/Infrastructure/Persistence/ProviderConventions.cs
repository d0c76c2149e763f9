using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Library.Web.Infrastructure.Persistence;

/// <summary>
/// Provider-specific type mappings. SQLite cannot compare or order DateTimeOffset values in SQL,
/// so they are stored as sortable 64-bit integers there; a PostgreSQL provider would map them natively.
/// </summary>
internal static class ProviderConventions
{
    public static void Apply(ModelConfigurationBuilder builder, string? providerName)
    {
        if (providerName == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            builder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }
}
