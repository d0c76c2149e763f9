using Library.Domain.Fines;
using Library.Domain.Lending;
using Library.Web.Features.Admin.Audit;
using Library.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Library.Web.Features.Admin;

public sealed record AdminOverview(
    int Titles, int ArchivedTitles, int CopiesOnLoan, int ActiveLoans, int OverdueLoans,
    int OutstandingFees, long OutstandingAmount, int Patrons, int BlockedPatrons, int AdminChangesToday);

internal sealed class AdminOverviewQueries(IDbContextFactory<LibraryDbContext> dbFactory, TimeProvider clock, LibraryCalendar calendar)
{
    public async Task<AdminOverview> GetAsync(CancellationToken ct)
    {
        var startOfToday = calendar.StartOfDayOf(clock.GetUtcNow());
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var active = db.Loans.Where(l => l.Status == LoanStatus.Active);
        var outstanding = db.Fees.Where(f => f.Status == FeeStatus.Outstanding);
        return new AdminOverview(
            await db.Books.CountAsync(b => !b.IsArchived, ct),
            await db.Books.CountAsync(b => b.IsArchived, ct),
            await active.SumAsync(l => (int?)(l.Quantity - l.QuantityReturned - l.QuantityLost), ct) ?? 0,
            await active.CountAsync(ct),
            await active.CountAsync(l => l.DueAt < startOfToday, ct),
            await outstanding.CountAsync(ct),
            await outstanding.SumAsync(f => (long?)f.Amount, ct) ?? 0,
            await db.Users.CountAsync(ct),
            await db.Users.CountAsync(u => u.IsBlocked, ct),
            await db.Set<AuditEntry>().CountAsync(a => a.At >= startOfToday, ct));
    }
}
