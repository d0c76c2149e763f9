using Library.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Library.Web.Infrastructure.Persistence.Configurations;

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> builder)
    {
        builder.ToTable("JobRuns");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.JobKey).HasMaxLength(200).IsRequired();
        builder.Property(r => r.TriggeredBy).HasMaxLength(256).IsRequired();
        builder.Property(r => r.Node).HasMaxLength(200).IsRequired();
        builder.Property(r => r.Counts).HasMaxLength(2000).IsRequired();
        builder.Property(r => r.Error).HasMaxLength(4000);
        builder.HasIndex(r => new { r.JobKey, r.StartedAt });
    }
}
