using Library.Web.Features.Dashboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Library.Web.Infrastructure.Persistence.Configurations;

internal sealed class PatronDashboardConfiguration : IEntityTypeConfiguration<PatronDashboard>
{
    public void Configure(EntityTypeBuilder<PatronDashboard> builder)
    {
        builder.ToTable("PatronDashboards");
        builder.HasKey(d => d.PatronId);
        builder.Property(d => d.PatronId).HasMaxLength(450);
    }
}

internal sealed class ActivityEntryConfiguration : IEntityTypeConfiguration<ActivityEntry>
{
    public void Configure(EntityTypeBuilder<ActivityEntry> builder)
    {
        builder.ToTable("ActivityEntries");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.HasIndex(a => new { a.PatronId, a.OccurredAt });
    }
}
