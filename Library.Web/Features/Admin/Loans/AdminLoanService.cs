using Library.Domain.Lending;
using Library.Web.Features.Admin.Audit;
using Library.Web.Features.Lending;
using Library.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Library.Web.Features.Admin.Loans;

internal sealed record LoanSnapshot(int Quantity, int QuantityReturned, DateTimeOffset DueAt, LoanStatus Status)
{
    public static LoanSnapshot Of(Loan l) => new(l.Quantity, l.QuantityReturned, l.DueAt, l.Status);
    public static LoanSnapshot Of(LoanDto l) => new(l.Quantity, l.QuantityReturned, l.DueAt, l.Status);
}

/// <summary>A librarian's changes to loans: checking copies in for a patron, and moving a due date.</summary>
internal sealed class AdminLoanService(
    DbWriter writer, LendingService lending, RenewalService renewals, AuditLog audit, TimeProvider clock, LibraryCalendar calendar)
{
    /// <summary>Renews the loan on the patron's behalf, under the same rules as the patron's own renewal (audited).</summary>
    public Task<LoanDto> RenewAsync(Guid loanId, Actor actor, CancellationToken cancellationToken) =>
        writer.ExecuteAsync(async (db, ct) =>
        {
            var before = await db.Loans.AsNoTracking().Where(l => l.Id == loanId)
                .Select(l => new LoanSnapshot(l.Quantity, l.QuantityReturned, l.DueAt, l.Status)).SingleOrDefaultAsync(ct);
            var loan = await renewals.RenewAsync(db, loanId, patronId: null, automatic: false, ct);
            var title = await db.Books.Where(b => b.Id == loan.BookId).Select(b => b.Title).SingleAsync(ct);
            audit.Record(db, actor, AuditActions.LoanRenewed, loanId.ToString(), title, before,
                new { loan.Renewals, Loan = LoanSnapshot.Of(loan) });
            return loan;
        }, cancellationToken);

    /// <summary>Checks in some or all copies on the patron's behalf; a late return is charged like any other (through BookReturned).</summary>
    public Task<ReturnResult> CheckInAsync(Guid loanId, int quantity, Actor actor, CancellationToken cancellationToken) =>
        writer.ExecuteAsync(async (db, ct) =>
        {
            var before = await db.Loans.AsNoTracking().Where(l => l.Id == loanId)
                .Select(l => new LoanSnapshot(l.Quantity, l.QuantityReturned, l.DueAt, l.Status)).SingleOrDefaultAsync(ct);
            var result = await lending.ReturnAsync(db, loanId, quantity, patronId: null, ct);
            var title = await db.Books.Where(b => b.Id == result.Loan.BookId).Select(b => b.Title).SingleAsync(ct);
            audit.Record(db, actor, AuditActions.LoanCheckedIn, loanId.ToString(), title, before,
                new { Returned = quantity, result.DaysOverdue, Loan = LoanSnapshot.Of(result.Loan) });
            return result;
        }, cancellationToken);

    /// <param name="dueAt">Any moment of the new due day in the library's zone; the loan is then due at the end of that day.
    /// A day in the past makes the loan overdue (used to set up scenarios).</param>
    public Task<LoanDto> ChangeDueDateAsync(Guid loanId, DateTimeOffset dueAt, Actor actor, CancellationToken cancellationToken) =>
        writer.ExecuteAsync(async (db, ct) =>
        {
            var loan = await db.Loans.SingleOrDefaultAsync(l => l.Id == loanId, ct) ?? throw new NotFoundException("Loan", loanId);
            var before = LoanSnapshot.Of(loan);
            loan.ChangeDueDate(calendar.EndOfDayOf(dueAt), clock.GetUtcNow());
            var title = await db.Books.Where(b => b.Id == loan.BookId).Select(b => b.Title).SingleAsync(ct);
            audit.Record(db, actor, AuditActions.LoanDueDateChanged, loanId.ToString(), title, before, LoanSnapshot.Of(loan));
            return LoanDto.From(loan);
        }, cancellationToken);
}
