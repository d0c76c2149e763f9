using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Library.Web.Features.Kiosk;

/// <summary>
/// A self-check station a librarian authorised. The station keeps its device token (localStorage); the server keeps only
/// its SHA-256. While a station waits to be paired through a one-time code, <see cref="TokenHash"/> holds the code's hash
/// marked with <see cref="KioskTokens.PairingPrefix"/>, so a code can never be used as a device token.
/// </summary>
internal sealed class KioskDevice
{
    public Guid Id { get; set; }
    public string Name { get; set; } = string.Empty;
    public string TokenHash { get; set; } = string.Empty;
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The librarian's user id.</summary>
    public string CreatedBy { get; set; } = string.Empty;
    public DateTimeOffset? LastSeenAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}

internal sealed class KioskDeviceConfiguration : IEntityTypeConfiguration<KioskDevice>
{
    public void Configure(EntityTypeBuilder<KioskDevice> builder)
    {
        builder.ToTable("KioskDevices");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Name).HasMaxLength(KioskDevices.MaxNameLength).IsRequired();
        builder.Property(d => d.TokenHash).HasMaxLength(80).IsRequired();
        builder.Property(d => d.CreatedBy).HasMaxLength(450).IsRequired();
        builder.HasIndex(d => d.TokenHash).IsUnique();
    }
}
