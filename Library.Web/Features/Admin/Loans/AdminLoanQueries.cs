using System.Runtime.CompilerServices;
using Library.Domain.Lending;
using Library.Web.Features.Catalog;
using Library.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Library.Web.Features.Admin.Loans;

public sealed record AdminLoanRow(
    Guid Id, string PatronId, string PatronName, string PatronEmail, int BookId, string BookTitle,
    int Quantity, int QuantityReturned, DateTimeOffset BorrowedAt, DateTimeOffset DueAt, LoanStatus Status, int DaysOverdue,
    int QuantityLost = 0, int Renewals = 0)
{
    public int QuantityOnLoan => Quantity - QuantityReturned - QuantityLost;
    public bool IsOverdue => DaysOverdue > 0;
}

/// <param name="Overdue">True: only overdue loans; false: only loans not yet overdue; null: both.</param>
/// <param name="Search">Part of the patron's name or e-mail, or of the book's title.</param>
public sealed record AdminLoanFilter(bool? Overdue = null, string? Search = null, string? PatronId = null, int? BookId = null);

/// <summary>Active loans for the admin: who has what, due when, how late.</summary>
internal sealed class AdminLoanQueries(IDbContextFactory<LibraryDbContext> dbFactory, TimeProvider clock, LibraryCalendar calendar)
{
    public static readonly string[] SortColumns = ["DueAt", "BorrowedAt", "PatronName", "BookTitle", "QuantityOnLoan"];

    public async Task<PagedResult<AdminLoanRow>> SearchAsync(
        AdminLoanFilter filter, string? sortBy, bool descending, int page, int pageSize, CancellationToken cancellationToken)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 100);
        var now = clock.GetUtcNow();
        var startOfToday = calendar.StartOfDayOf(now);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = Filtered(db, filter, startOfToday);
        var total = await query.CountAsync(cancellationToken);
        var rows = await Sort(query, sortBy, descending).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new PagedResult<AdminLoanRow>(rows.Select(r => ToRow(r, now)).ToList(), total, page, pageSize);
    }

    /// <summary>Every active loan matching the filter, in the page's order, read as it is written out (the CSV export).</summary>
    public async IAsyncEnumerable<AdminLoanRow> StreamAsync(
        AdminLoanFilter filter, string? sortBy, bool descending, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = Sort(Filtered(db, filter, calendar.StartOfDayOf(now)), sortBy, descending).AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return ToRow(row, now);
        }
    }

    /// <summary>All of a patron's active loans, then the 50 most recent returned ones.</summary>
    public async Task<IReadOnlyList<AdminLoanRow>> ForPatronAsync(string patronId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var mine = Joined(db).Where(x => x.Loan.PatronId == patronId);
        var active = await mine.Where(x => x.Loan.Status == LoanStatus.Active).OrderBy(x => x.Loan.DueAt).ToListAsync(cancellationToken);
        var returned = await mine.Where(x => x.Loan.Status != LoanStatus.Active)
            .OrderByDescending(x => x.Loan.BorrowedAt).Take(50).ToListAsync(cancellationToken);
        return active.Concat(returned).Select(r => ToRow(r, now)).ToList();
    }

    public async Task<AdminLoanRow?> FindAsync(Guid loanId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await Joined(db).SingleOrDefaultAsync(x => x.Loan.Id == loanId, cancellationToken);
        return row is null ? null : ToRow(row, clock.GetUtcNow());
    }

    // A class with init properties (not a positional record) so EF can filter and sort on the projection.
    private sealed class Row
    {
        public required Loan Loan { get; init; }
        public required string PatronName { get; init; }
        public required string PatronEmail { get; init; }
        public required string BookTitle { get; init; }
    }

    private static IQueryable<Row> Joined(LibraryDbContext db) =>
        from l in db.Loans.AsNoTracking()
        join u in db.Users.AsNoTracking() on l.PatronId equals u.Id
        join b in db.Books.AsNoTracking() on l.BookId equals b.Id
        select new Row { Loan = l, PatronName = u.DisplayName, PatronEmail = u.Email ?? string.Empty, BookTitle = b.Title };

    private static IQueryable<Row> Filtered(LibraryDbContext db, AdminLoanFilter filter, DateTimeOffset startOfToday)
    {
        var query = Joined(db).Where(x => x.Loan.Status == LoanStatus.Active);
        if (filter.Overdue is { } overdue)
        {
            query = overdue ? query.Where(x => x.Loan.DueAt < startOfToday) : query.Where(x => x.Loan.DueAt >= startOfToday);
        }

        if (filter.PatronId is { } patronId)
        {
            query = query.Where(x => x.Loan.PatronId == patronId);
        }

        if (filter.BookId is { } bookId)
        {
            query = query.Where(x => x.Loan.BookId == bookId);
        }

        query = query.WhereAnyContains(filter.Search, x => x.PatronName, x => x.PatronEmail, x => x.BookTitle);

        return query;
    }

    private static IQueryable<Row> Sort(IQueryable<Row> query, string? sortBy, bool descending) => (sortBy, descending) switch
    {
        ("BorrowedAt", false) => query.OrderBy(x => x.Loan.BorrowedAt),
        ("BorrowedAt", true) => query.OrderByDescending(x => x.Loan.BorrowedAt),
        ("PatronName", false) => query.OrderBy(x => x.PatronName).ThenBy(x => x.Loan.DueAt),
        ("PatronName", true) => query.OrderByDescending(x => x.PatronName).ThenBy(x => x.Loan.DueAt),
        ("BookTitle", false) => query.OrderBy(x => x.BookTitle).ThenBy(x => x.Loan.DueAt),
        ("BookTitle", true) => query.OrderByDescending(x => x.BookTitle).ThenBy(x => x.Loan.DueAt),
        ("QuantityOnLoan", false) => query.OrderBy(x => x.Loan.Quantity - x.Loan.QuantityReturned - x.Loan.QuantityLost).ThenBy(x => x.Loan.DueAt),
        ("QuantityOnLoan", true) => query.OrderByDescending(x => x.Loan.Quantity - x.Loan.QuantityReturned - x.Loan.QuantityLost).ThenBy(x => x.Loan.DueAt),
        (_, true) => query.OrderByDescending(x => x.Loan.DueAt).ThenBy(x => x.Loan.Id),
        _ => query.OrderBy(x => x.Loan.DueAt).ThenBy(x => x.Loan.Id),
    };

    private AdminLoanRow ToRow(Row r, DateTimeOffset now) => new(
        r.Loan.Id, r.Loan.PatronId, r.PatronName, r.PatronEmail, r.Loan.BookId, r.BookTitle, r.Loan.Quantity, r.Loan.QuantityReturned,
        r.Loan.BorrowedAt, r.Loan.DueAt, r.Loan.Status, r.Loan.Status == LoanStatus.Active ? OverdueDays.Between(r.Loan.DueAt, now, calendar) : 0,
        r.Loan.QuantityLost, r.Loan.Renewals);
}
