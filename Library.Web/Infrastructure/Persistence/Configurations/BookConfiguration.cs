using Library.Domain.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Library.Web.Infrastructure.Persistence.Configurations;

internal sealed class BookConfiguration : IEntityTypeConfiguration<Book>
{
    public void Configure(EntityTypeBuilder<Book> builder)
    {
        builder.ToTable("Books", t => t.HasCheckConstraint(
            "CK_Books_Stock", "\"AvailableCopies\" >= 0 AND \"AvailableCopies\" <= \"TotalCopies\""));
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Title).HasMaxLength(300).IsRequired();
        builder.Property(b => b.Author).HasMaxLength(200).IsRequired();
        builder.Property(b => b.Isbn).HasMaxLength(13).IsRequired();
        builder.Property(b => b.Publisher).HasMaxLength(200);
        builder.Property(b => b.Description).HasMaxLength(4000);
        builder.Property(b => b.CoverVersion).HasMaxLength(32);
        // Guards stock against a writer in another process; in-process writers are serialized by the write gate.
        builder.Property(b => b.AvailableCopies).IsConcurrencyToken();
        builder.Property(b => b.OnHoldShelfCopies).IsConcurrencyToken();
        builder.HasIndex(b => b.Isbn).IsUnique();
        // Catalogue browsing (no search text) pages through an index for every sort, and counts through the narrow
        // IsArchived index, so no page of 100,000 titles reads the table (see bench/CatalogSearch). Text search is FTS5.
        builder.HasIndex(b => b.Title);
        builder.HasIndex(b => new { b.Author, b.Title });
        builder.HasIndex(b => new { b.Year, b.Title });
        builder.HasIndex(b => new { b.AvailableCopies, b.Title });
        builder.HasIndex(b => b.IsArchived);
        builder.HasMany(b => b.Copies).WithOne(c => c.Book).HasForeignKey(c => c.BookId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(b => b.Copies).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(b => b.DomainEvents);
        builder.Ignore(b => b.CopiesOnLoan);
    }
}
