using Library.Domain.Lending;
using Library.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Library.Web.Features.Lending;

public sealed record PatronLoanView(
    Guid Id, int BookId, string BookTitle, string BookAuthor, int Quantity, int QuantityReturned,
    DateTimeOffset BorrowedAt, DateTimeOffset DueAt, LoanStatus Status, int QuantityLost = 0, int Renewals = 0)
{
    public int QuantityOnLoan => Quantity - QuantityReturned - QuantityLost;
    public int DaysOverdueAt(DateTimeOffset now, LibraryCalendar calendar) => Status == LoanStatus.Active ? OverdueDays.Between(DueAt, now, calendar) : 0;
    public LoanDto ToDto() => new(Id, BookId, Quantity, QuantityReturned, BorrowedAt, DueAt, Status, QuantityLost, Renewals);
}

internal sealed class LoanQueries(IDbContextFactory<LibraryDbContext> dbFactory)
{
    public async Task<IReadOnlyList<PatronLoanView>> ActiveLoansAsync(string patronId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await (
                from l in db.Loans.AsNoTracking()
                join b in db.Books.AsNoTracking() on l.BookId equals b.Id
                where l.PatronId == patronId && l.Status == LoanStatus.Active
                select new PatronLoanView(l.Id, l.BookId, b.Title, b.Author, l.Quantity, l.QuantityReturned, l.BorrowedAt, l.DueAt, l.Status, l.QuantityLost, l.Renewals))
            .ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.DueAt).ToList();
    }

    /// <summary>One loan of this patron (active or returned); null when it does not exist or belongs to someone else.</summary>
    public async Task<PatronLoanView?> FindAsync(string patronId, Guid loanId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await (
                from l in db.Loans.AsNoTracking()
                join b in db.Books.AsNoTracking() on l.BookId equals b.Id
                where l.Id == loanId && l.PatronId == patronId
                select new PatronLoanView(l.Id, l.BookId, b.Title, b.Author, l.Quantity, l.QuantityReturned, l.BorrowedAt, l.DueAt, l.Status, l.QuantityLost, l.Renewals))
            .SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<int> CopiesOnLoanAsync(string patronId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Loans.Where(l => l.PatronId == patronId && l.Status == LoanStatus.Active)
            .SumAsync(l => l.Quantity - l.QuantityReturned - l.QuantityLost, cancellationToken);
    }
}
