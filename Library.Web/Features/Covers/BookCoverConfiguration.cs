using Library.Domain.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Library.Web.Features.Covers;

internal sealed class BookCoverConfiguration : IEntityTypeConfiguration<BookCover>
{
    public void Configure(EntityTypeBuilder<BookCover> builder)
    {
        builder.ToTable("BookCovers");
        builder.HasKey(c => c.BookId);
        builder.Property(c => c.BookId).ValueGeneratedNever();
        builder.Property(c => c.Small).IsRequired();
        builder.Property(c => c.Large).IsRequired();
        builder.Property(c => c.ContentType).HasMaxLength(50).IsRequired();
        builder.Property(c => c.Version).HasMaxLength(32).IsRequired();
        builder.HasOne<Book>().WithOne().HasForeignKey<BookCover>(c => c.BookId).OnDelete(DeleteBehavior.Cascade);
    }
}
