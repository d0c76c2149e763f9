using Library.Web.Features.Notices;
using Library.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Library.Web.Infrastructure.Persistence.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("Notifications");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.PatronId).HasMaxLength(450).IsRequired();
        builder.Property(n => n.BookTitle).HasMaxLength(500).IsRequired();
        builder.Property(n => n.Reason).HasMaxLength(100);
        builder.Property(n => n.EmailTo).HasMaxLength(256);
        builder.Property(n => n.EmailLastError).HasMaxLength(4000);
        builder.HasOne<LibraryUser>().WithMany().HasForeignKey(n => n.PatronId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => new { n.PatronId, n.ReadAt });
        builder.HasIndex(n => new { n.PatronId, n.CreatedAt });
        builder.HasIndex(n => new { n.EmailSentAt, n.EmailFailedAt, n.CreatedAt });
    }
}
