using Library.Domain.Catalog;
using Library.Domain.Catalog.Copies;
using Library.Domain.Fines;
using Library.Domain.Lending;
using Library.Web.Features.Dashboard;
using Library.Web.Features.Notices;
using Library.Web.Infrastructure.Identity;
using Library.Web.Infrastructure.Jobs;
using Library.Web.Infrastructure.Messaging;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Library.Web.Infrastructure.Persistence;

/// <summary>
/// The one EF model. Each provider has a subclass (<c>SqliteLibraryDbContext</c>, <c>PostgreSqlLibraryDbContext</c>) only so
/// that each has its own migrations set; the app always works with this type.
/// </summary>
public abstract class LibraryDbContext(DbContextOptions options) : IdentityDbContext<LibraryUser>(options), IDataProtectionKeyContext
{
    public DbSet<Book> Books => Set<Book>();
    public DbSet<Copy> Copies => Set<Copy>();
    public DbSet<Loan> Loans => Set<Loan>();
    public DbSet<LoanItem> LoanItems => Set<LoanItem>();
    public DbSet<Library.Domain.Lending.Holds.Hold> Holds => Set<Library.Domain.Lending.Holds.Hold>();
    internal DbSet<CodeSequence> CodeSequences => Set<CodeSequence>();
    public DbSet<LoanReturn> LoanReturns => Set<LoanReturn>();
    public DbSet<Fee> Fees => Set<Fee>();
    internal DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    internal DbSet<ProcessedEvent> ProcessedEvents => Set<ProcessedEvent>();
    internal DbSet<PatronDashboard> PatronDashboards => Set<PatronDashboard>();
    internal DbSet<ActivityEntry> ActivityEntries => Set<ActivityEntry>();
    internal DbSet<JobRun> JobRuns => Set<JobRun>();
    internal DbSet<Notification> Notifications => Set<Notification>();

    /// <summary>Data-protection keys (sign-in cookies, bearer tokens, antiforgery), shared by every node and kept with the data.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(LibraryDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ProviderConventions.Apply(configurationBuilder, Database.ProviderName);
    }
}
