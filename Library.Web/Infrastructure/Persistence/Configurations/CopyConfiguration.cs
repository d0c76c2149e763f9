using Library.Domain.Catalog.Copies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Library.Web.Infrastructure.Persistence.Configurations;

internal sealed class CopyConfiguration : IEntityTypeConfiguration<Copy>
{
    public void Configure(EntityTypeBuilder<Copy> builder)
    {
        builder.ToTable("Copies");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Barcode).HasMaxLength(40).IsRequired();
        builder.Property(c => c.Location).HasMaxLength(Copy.MaxLocationLength);
        builder.Property(c => c.Note).HasMaxLength(Copy.MaxNoteLength);
        // Two desks (or nodes) scanning the same copy: the second write finds the status changed and runs again.
        builder.Property(c => c.Status).IsConcurrencyToken();
        builder.HasIndex(c => c.Barcode).IsUnique();
        builder.HasIndex(c => new { c.BookId, c.Status });
        builder.HasIndex(c => c.LoanId);
        builder.Ignore(c => c.IsInCirculation);
    }
}
