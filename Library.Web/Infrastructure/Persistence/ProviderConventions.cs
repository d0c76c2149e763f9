using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Library.Web.Infrastructure.Persistence;

/// <summary>
/// Provider-specific type mappings. SQLite cannot compare or order DateTimeOffset values in SQL,
/// so they are stored as sortable 64-bit integers there. PostgreSQL stores them natively as timestamptz, which Npgsql
/// accepts only with offset 0: every value is written as its UTC instant (a due date computed in Seoul time included).
/// </summary>
internal static class ProviderConventions
{
    public static void Apply(ModelConfigurationBuilder builder, string? providerName)
    {
        if (providerName == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            builder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
        else if (providerName == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            builder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
        }
    }
}

internal sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);
