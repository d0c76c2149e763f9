using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Library.Web.Infrastructure.Persistence.Configurations;

internal sealed class CodeSequenceConfiguration : IEntityTypeConfiguration<CodeSequence>
{
    public void Configure(EntityTypeBuilder<CodeSequence> builder)
    {
        builder.ToTable("CodeSequences");
        builder.HasKey(s => s.Name);
        builder.Property(s => s.Name).HasMaxLength(40);
        builder.HasData(new CodeSequence { Name = CodeSequence.CopyBarcodes, Last = 0 });
    }
}
