using Library.Domain.Fines;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Library.Web.Infrastructure.Persistence.Configurations;

internal sealed class FeeConfiguration : IEntityTypeConfiguration<Fee>
{
    public void Configure(EntityTypeBuilder<Fee> builder)
    {
        builder.ToTable("Fees", t => t.HasCheckConstraint("CK_Fees_Amount", "\"Amount\" > 0"));
        builder.HasKey(f => f.Id);
        builder.Property(f => f.PatronId).HasMaxLength(450).IsRequired();
        builder.Property(f => f.WaiverReason).HasMaxLength(500);
        // Fines never references Lending tables: a fee is tied to a return only by its id.
        builder.HasIndex(f => f.ReturnId).IsUnique();
        builder.HasIndex(f => new { f.PatronId, f.Status });
        builder.Ignore(f => f.DomainEvents);
    }
}
