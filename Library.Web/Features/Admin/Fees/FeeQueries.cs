using System.Runtime.CompilerServices;
using Library.Domain.Fines;
using Library.Web.Features.Catalog;
using Library.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Library.Web.Features.Admin.Fees;

public enum FeeStatusFilter
{
    Outstanding = 0,
    Settled = 1,
    Paid = 2,
    Waived = 3,
    All = 4,
}

public sealed record FeeRow(
    Guid Id, string PatronId, string PatronName, string PatronEmail, int BookId, string BookTitle, Guid LoanId,
    int DaysOverdue, long Amount, DateTimeOffset ChargedAt, FeeStatus Status, DateTimeOffset? SettledAt, string? WaiverReason,
    FeeKind Kind = FeeKind.LateReturn);

/// <param name="Search">Part of the patron's name or e-mail, or of the book's title.</param>
public sealed record FeeFilter(FeeStatusFilter Status = FeeStatusFilter.Outstanding, string? Search = null, string? PatronId = null);

public sealed record FeePage(IReadOnlyList<FeeRow> Items, int TotalCount, int Page, int PageSize, long TotalAmount);

internal sealed class FeeQueries(IDbContextFactory<LibraryDbContext> dbFactory)
{
    /// <returns>The page, newest charge first, and the sum of every fee matching the filter.</returns>
    public async Task<FeePage> SearchAsync(FeeFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 100);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = Filtered(db, filter);
        var total = await query.CountAsync(cancellationToken);
        var amount = await query.SumAsync(x => (long?)x.Fee.Amount, cancellationToken) ?? 0;
        var rows = await query.OrderByDescending(x => x.Fee.ChargedAt).ThenBy(x => x.Fee.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new FeePage(rows.Select(ToRow).ToList(), total, page, pageSize, amount);
    }

    /// <summary>Every fee matching the filter, newest charge first, read as it is written out (the CSV export).</summary>
    public async IAsyncEnumerable<FeeRow> StreamAsync(FeeFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = Filtered(db, filter).OrderByDescending(x => x.Fee.ChargedAt).ThenBy(x => x.Fee.Id).AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return ToRow(row);
        }
    }

    public async Task<FeeRow?> FindAsync(Guid feeId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await Joined(db).SingleOrDefaultAsync(x => x.Fee.Id == feeId, cancellationToken);
        return row is null ? null : ToRow(row);
    }

    // A class with init properties (not a positional record) so EF can filter and sort on the projection.
    private sealed class Row
    {
        public required Fee Fee { get; init; }
        public required string PatronName { get; init; }
        public required string PatronEmail { get; init; }
        public required string BookTitle { get; init; }
    }

    private static IQueryable<Row> Joined(LibraryDbContext db) =>
        from f in db.Fees.AsNoTracking()
        join u in db.Users.AsNoTracking() on f.PatronId equals u.Id
        join b in db.Books.AsNoTracking() on f.BookId equals b.Id into books
        from b in books.DefaultIfEmpty()
        select new Row { Fee = f, PatronName = u.DisplayName, PatronEmail = u.Email ?? string.Empty, BookTitle = b == null ? string.Empty : b.Title };

    private static IQueryable<Row> Filtered(LibraryDbContext db, FeeFilter filter)
    {
        var query = Joined(db);
        query = filter.Status switch
        {
            FeeStatusFilter.Outstanding => query.Where(x => x.Fee.Status == FeeStatus.Outstanding),
            FeeStatusFilter.Settled => query.Where(x => x.Fee.Status != FeeStatus.Outstanding),
            FeeStatusFilter.Paid => query.Where(x => x.Fee.Status == FeeStatus.Paid),
            FeeStatusFilter.Waived => query.Where(x => x.Fee.Status == FeeStatus.Waived),
            _ => query,
        };
        if (filter.PatronId is { } patronId)
        {
            query = query.Where(x => x.Fee.PatronId == patronId);
        }

        query = query.WhereAnyContains(filter.Search, x => x.PatronName, x => x.PatronEmail, x => x.BookTitle);

        return query;
    }

    private static FeeRow ToRow(Row r) => new(
        r.Fee.Id, r.Fee.PatronId, r.PatronName, r.PatronEmail, r.Fee.BookId, r.BookTitle, r.Fee.LoanId, r.Fee.DaysOverdue,
        r.Fee.Amount, r.Fee.ChargedAt, r.Fee.Status, r.Fee.SettledAt, r.Fee.WaiverReason, r.Fee.Kind);
}
