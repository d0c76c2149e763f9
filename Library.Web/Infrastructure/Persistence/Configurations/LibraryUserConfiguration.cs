using Library.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Library.Web.Infrastructure.Persistence.Configurations;

internal sealed class LibraryUserConfiguration : IEntityTypeConfiguration<LibraryUser>
{
    public void Configure(EntityTypeBuilder<LibraryUser> builder)
    {
        builder.Property(u => u.CardNumber).HasMaxLength(40);
        builder.HasIndex(u => u.CardNumber).IsUnique();
    }
}
