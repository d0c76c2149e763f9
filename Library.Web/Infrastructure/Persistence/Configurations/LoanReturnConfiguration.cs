using Library.Domain.Lending;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Library.Web.Infrastructure.Persistence.Configurations;

internal sealed class LoanReturnConfiguration : IEntityTypeConfiguration<LoanReturn>
{
    public void Configure(EntityTypeBuilder<LoanReturn> builder)
    {
        builder.ToTable("LoanReturns");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasIndex(r => new { r.DaysOverdue, r.ReturnedAt });
    }
}
