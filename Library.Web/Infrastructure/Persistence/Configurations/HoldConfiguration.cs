using Library.Domain.Catalog;
using Library.Domain.Catalog.Copies;
using Library.Domain.Lending.Holds;
using Library.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Library.Web.Infrastructure.Persistence.Configurations;

internal sealed class HoldConfiguration : IEntityTypeConfiguration<Hold>
{
    public void Configure(EntityTypeBuilder<Hold> builder)
    {
        builder.ToTable("Holds");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.PatronId).HasMaxLength(450).IsRequired();
        builder.Property(h => h.CancelReason).HasMaxLength(Hold.MaxReasonLength);
        // Two writers giving the same waiting hold a copy (a return and a cancellation on two nodes): the second runs again.
        builder.Property(h => h.Status).IsConcurrencyToken();
        builder.HasOne<LibraryUser>().WithMany().HasForeignKey(h => h.PatronId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Book>().WithMany().HasForeignKey(h => h.BookId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Copy>().WithMany().HasForeignKey(h => h.CopyId).OnDelete(DeleteBehavior.SetNull);
        // The queue of a title (waiting, oldest first), a patron's open holds, and the hold shelf by deadline.
        builder.HasIndex(h => new { h.BookId, h.Status, h.PlacedAt });
        builder.HasIndex(h => new { h.PatronId, h.Status });
        builder.HasIndex(h => new { h.Status, h.ReadyUntil });
        builder.Ignore(h => h.DomainEvents);
        builder.Ignore(h => h.IsOpen);
    }
}
