using Library.Domain.Catalog.Copies;
using Library.Domain.Lending;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Library.Web.Infrastructure.Persistence.Configurations;

internal sealed class LoanItemConfiguration : IEntityTypeConfiguration<LoanItem>
{
    public void Configure(EntityTypeBuilder<LoanItem> builder)
    {
        builder.ToTable("LoanItems");
        builder.HasKey(i => new { i.LoanId, i.CopyId });
        builder.Property(i => i.Barcode).HasMaxLength(40).IsRequired();
        builder.HasOne<Copy>().WithMany().HasForeignKey(i => i.CopyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => i.CopyId);
        builder.Ignore(i => i.IsOut);
    }
}
