using Library.Domain.Fines;
using Library.Domain.Lending;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Library.Web.Infrastructure.Persistence.Configurations;

/// <summary>
/// Indexes the reports (Features/Reports, decision 191) range-scan by instant; each covers its query, so a report over a
/// period reads only that period's index entries. Kept apart from the entities' own configurations (EF applies both).
/// </summary>
internal sealed class ReportLoanIndexes : IEntityTypeConfiguration<Loan>
{
    public void Configure(EntityTypeBuilder<Loan> builder)
    {
        builder.HasIndex(l => new { l.BorrowedAt, l.BookId });
        builder.HasIndex(l => new { l.DueAt, l.ClosedAt });
        builder.HasIndex(l => new { l.ClosedAt, l.DueAt });
    }
}

internal sealed class ReportLoanReturnIndexes : IEntityTypeConfiguration<LoanReturn>
{
    public void Configure(EntityTypeBuilder<LoanReturn> builder) => builder.HasIndex(r => r.ReturnedAt);
}

internal sealed class ReportFeeIndexes : IEntityTypeConfiguration<Fee>
{
    public void Configure(EntityTypeBuilder<Fee> builder)
    {
        builder.HasIndex(f => new { f.ChargedAt, f.Amount });
        builder.HasIndex(f => new { f.SettledAt, f.Status, f.Amount });
    }
}
