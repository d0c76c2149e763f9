using Library.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Library.Web.Features.Dashboard;

public sealed record DashboardDto(int BooksOnLoan, long AccumulatedFees, int OverdueLoans, int HoldsWaiting = 0, int HoldsReady = 0);

public sealed record ActivityDto(Guid Id, string Kind, int? BookId, string? BookTitle, int Quantity, long Amount, DateTimeOffset OccurredAt);

internal sealed class DashboardQueries(IDbContextFactory<LibraryDbContext> dbFactory)
{
    public async Task<DashboardDto> GetAsync(string patronId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.PatronDashboards.AsNoTracking().SingleOrDefaultAsync(d => d.PatronId == patronId, cancellationToken);
        return row is null ? new DashboardDto(0, 0, 0) : new DashboardDto(row.BooksOnLoan, row.AccumulatedFees, row.OverdueLoans, row.HoldsWaiting, row.HoldsReady);
    }

    public async Task<IReadOnlyList<ActivityDto>> RecentActivityAsync(string patronId, int take, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var recent = db.ActivityEntries.AsNoTracking()
            .Where(a => a.PatronId == patronId)
            .OrderByDescending(a => a.OccurredAt)
            .Take(take);
        return await (
                from a in recent
                join b in db.Books.AsNoTracking() on a.BookId equals b.Id into books
                from b in books.DefaultIfEmpty()
                orderby a.OccurredAt descending
                select new ActivityDto(a.Id, a.Kind.ToString(), a.BookId, b != null ? b.Title : null, a.Quantity, a.Amount, a.OccurredAt))
            .ToListAsync(cancellationToken);
    }
}
