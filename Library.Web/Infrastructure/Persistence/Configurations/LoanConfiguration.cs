using Library.Domain.Catalog;
using Library.Domain.Lending;
using Library.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Library.Web.Infrastructure.Persistence.Configurations;

internal sealed class LoanConfiguration : IEntityTypeConfiguration<Loan>
{
    public void Configure(EntityTypeBuilder<Loan> builder)
    {
        builder.ToTable("Loans", t =>
        {
            t.HasCheckConstraint("CK_Loans_Quantity", "\"Quantity\" >= 1");
            // QuantityLost's bound (returned + lost <= quantity) is the aggregate's: a new CHECK would make SQLite rebuild the
            // whole Loans table in the upgrade, outside the migration's transaction.
            t.HasCheckConstraint("CK_Loans_Returned", "\"QuantityReturned\" >= 0 AND \"QuantityReturned\" <= \"Quantity\"");
        });
        builder.HasKey(l => l.Id);
        builder.Property(l => l.PatronId).HasMaxLength(450).IsRequired();
        builder.HasOne<LibraryUser>().WithMany().HasForeignKey(l => l.PatronId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Book>().WithMany().HasForeignKey(l => l.BookId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(l => l.Returns).WithOne().HasForeignKey(r => r.LoanId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(l => l.Returns).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(l => l.Items).WithOne().HasForeignKey(i => i.LoanId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(l => l.Items).UsePropertyAccessMode(PropertyAccessMode.Field);
        // Active loans of a patron, and their history newest first (decision 120), from one index.
        builder.HasIndex(l => new { l.PatronId, l.Status, l.ClosedAt });
        builder.HasIndex(l => new { l.Status, l.DueAt });
        builder.Ignore(l => l.DomainEvents);
        builder.Ignore(l => l.QuantityOnLoan);
    }
}
