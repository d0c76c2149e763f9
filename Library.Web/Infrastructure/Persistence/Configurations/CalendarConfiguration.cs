using Library.Web.Features.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Library.Web.Infrastructure.Persistence.Configurations;

internal sealed class ClosedWeekdayConfiguration : IEntityTypeConfiguration<ClosedWeekday>
{
    public void Configure(EntityTypeBuilder<ClosedWeekday> builder)
    {
        builder.ToTable("ClosedWeekdays", t => t.HasCheckConstraint("CK_ClosedWeekdays_Day", "\"Day\" >= 0 AND \"Day\" <= 6"));
        builder.HasKey(w => w.Day);
        builder.Property(w => w.Day).HasConversion<int>().ValueGeneratedNever();
    }
}

internal sealed class ClosedDateConfiguration : IEntityTypeConfiguration<ClosedDate>
{
    public void Configure(EntityTypeBuilder<ClosedDate> builder)
    {
        builder.ToTable("ClosedDates");
        builder.HasKey(d => d.Date);
        builder.Property(d => d.Date).ValueGeneratedNever();
        builder.Property(d => d.Note).HasMaxLength(ClosedDate.MaxNoteLength);
    }
}
