using Library.Domain.Common;
using Library.Domain.Fines;
using Library.Domain.Lending;
using Library.Web.Features.Admin.Fees;
using Library.Web.Features.Admin.Loans;
using Library.Web.Features.Catalog;
using Library.Web.Features.Dashboard;
using Library.Web.Infrastructure.Identity;
using Library.Web.Infrastructure.Identity.Cards;
using Library.Web.Infrastructure.Persistence;
using Library.Web.Features.Catalog.Copies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Library.Web.Features.Admin.Patrons;

public enum PatronFilter
{
    All = 0,
    Blocked = 1,
    WithOverdueLoans = 2,
    WithOutstandingFees = 3,
}

public sealed record PatronRow(
    string Id, string DisplayName, string Email, bool IsBlocked, string? BlockedReason,
    int CopiesOnLoan, int OverdueLoans, long OutstandingFees, string? CardNumber = null);

public sealed record PatronDetail(
    PatronRow Patron, bool IsLibrarian, IReadOnlyList<AdminLoanRow> Loans, IReadOnlyList<FeeRow> Fees, IReadOnlyList<ActivityDto> Activity);

/// <summary>Patrons with their loans and fees computed from the lending and fines tables (the source of truth).</summary>
internal sealed class PatronQueries(
    IDbContextFactory<LibraryDbContext> dbFactory, AdminLoanQueries loans, FeeQueries fees, DashboardQueries dashboard, TimeProvider clock,
    LibraryCalendar calendar, CardNumbers cards, IOptions<CodeOptions> codes)
{
    public const int ActivityShown = 30;

    public async Task<PagedResult<PatronRow>> SearchAsync(
        string? search, PatronFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 100);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = Rows(db, StartOfToday());
        // A scanned (or typed) library card finds its patron exactly; anything else searches names and e-mails.
        query = IsCardNumber(search, out var cardNumber)
            ? query.Where(p => p.CardNumber == cardNumber)
            : query.WhereAnyContains(search, p => p.DisplayName, p => p.Email);

        query = filter switch
        {
            PatronFilter.Blocked => query.Where(p => p.IsBlocked),
            PatronFilter.WithOverdueLoans => query.Where(p => p.OverdueLoans > 0),
            PatronFilter.WithOutstandingFees => query.Where(p => p.OutstandingFees > 0),
            _ => query,
        };
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(p => p.DisplayName).ThenBy(p => p.Email)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new PagedResult<PatronRow>(items.Select(d => d.ToRow()).ToList(), total, page, pageSize);
    }

    public async Task<PatronDetail?> GetAsync(string patronId, CancellationToken cancellationToken)
    {
        PatronRow? row;
        bool isLibrarian;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            row = (await Rows(db, StartOfToday()).SingleOrDefaultAsync(p => p.Id == patronId, cancellationToken))?.ToRow();
            if (row is null)
            {
                return null;
            }

            isLibrarian = await (
                from ur in db.UserRoles
                join r in db.Roles on ur.RoleId equals r.Id
                where ur.UserId == patronId && r.Name == Roles.Librarian
                select ur).AnyAsync(cancellationToken);
        }

        var patronLoans = await loans.ForPatronAsync(patronId, cancellationToken);
        var patronFees = await fees.SearchAsync(new FeeFilter(FeeStatusFilter.All, PatronId: patronId), 1, 100, cancellationToken);
        var activity = await dashboard.RecentActivityAsync(patronId, ActivityShown, cancellationToken);
        return new PatronDetail(row, isLibrarian, patronLoans, patronFees.Items, activity);
    }

    /// <summary>The library's own card format (its prefix, digits, a valid check digit), so "patron2" still searches e-mails.</summary>
    private bool IsCardNumber(string? search, out string cardNumber) =>
        cards.Read(search, out cardNumber) == ScanCodeProblem.None && cardNumber.StartsWith(codes.Value.CardPrefix, StringComparison.Ordinal)
        && cardNumber.Skip(codes.Value.CardPrefix.Length).All(char.IsAsciiDigit);

    private DateTimeOffset StartOfToday() => calendar.StartOfDayOf(clock.GetUtcNow());

    // A class with init properties (not a positional record) so EF can filter and sort on the projection.
    private sealed class Data
    {
        public required string Id { get; init; }
        public required string DisplayName { get; init; }
        public required string Email { get; init; }
        public bool IsBlocked { get; init; }
        public string? BlockedReason { get; init; }
        public int CopiesOnLoan { get; init; }
        public int OverdueLoans { get; init; }
        public long OutstandingFees { get; init; }
        public string? CardNumber { get; init; }

        public PatronRow ToRow() => new(Id, DisplayName, Email, IsBlocked, BlockedReason, CopiesOnLoan, OverdueLoans, OutstandingFees, CardNumber);
    }

    private static IQueryable<Data> Rows(LibraryDbContext db, DateTimeOffset startOfToday) =>
        from u in db.Users.AsNoTracking()
        select new Data
        {
            Id = u.Id,
            DisplayName = u.DisplayName,
            Email = u.Email ?? string.Empty,
            IsBlocked = u.IsBlocked,
            BlockedReason = u.BlockedReason,
            CardNumber = u.CardNumber,
            CopiesOnLoan = db.Loans.Where(l => l.PatronId == u.Id && l.Status == LoanStatus.Active)
                .Sum(l => (int?)(l.Quantity - l.QuantityReturned - l.QuantityLost)) ?? 0,
            OverdueLoans = db.Loans.Count(l => l.PatronId == u.Id && l.Status == LoanStatus.Active && l.DueAt < startOfToday),
            OutstandingFees = db.Fees.Where(f => f.PatronId == u.Id && f.Status == FeeStatus.Outstanding).Sum(f => (long?)f.Amount) ?? 0,
        };
}
