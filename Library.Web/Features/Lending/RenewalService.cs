using Library.Domain.Lending;
using Library.Web.Features.Lending.Holds;
using Library.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Library.Web.Features.Lending;

/// <summary>
/// Renewals: by the patron (My loans, the API), by a librarian on their behalf, and by the auto-renewal job. The rules are the
/// loan's (<see cref="Loan.Renew"/>); this service finds what the loan cannot know: whether the patron is blocked and whether
/// another patron waits for the title (<see cref="IHoldDemand"/>).
/// </summary>
internal sealed class RenewalService(
    DbWriter writer, IDbContextFactory<LibraryDbContext> dbFactory, TimeProvider clock, IOptions<LendingOptions> options, LibraryCalendar calendar, IHoldDemand holds, LendingThrottle throttle)
{
    public RenewalPolicy Policy => options.Value.ToRenewalPolicy(calendar);

    /// <summary>The library renews loans automatically on their due day (Lending:AutoRenew).</summary>
    public bool LibraryAutoRenews => options.Value.AutoRenew;

    /// <summary>The patron's own switch: true unless they turned auto-renewal off.</summary>
    public async Task<bool> AutoRenewsForAsync(string patronId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return !await db.Users.AsNoTracking().Where(u => u.Id == patronId).Select(u => u.AutoRenewOptedOut).SingleOrDefaultAsync(cancellationToken);
    }

    public Task SetAutoRenewAsync(string patronId, bool on, CancellationToken cancellationToken) =>
        writer.ExecuteAsync((db, ct) => db.Users.Where(u => u.Id == patronId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.AutoRenewOptedOut, !on), ct), cancellationToken);

    /// <summary>A patron renews one of their own loans (someone else's loan is not found).</summary>
    public async Task<LoanDto> RenewAsync(Guid loanId, string patronId, CancellationToken cancellationToken)
    {
        using var _ = await throttle.EnterAsync(patronId, cancellationToken);
        return await writer.ExecuteAsync((db, ct) => RenewAsync(db, loanId, patronId, automatic: false, ct), cancellationToken);
    }

    /// <summary>The renewal inside a write transaction the caller runs (a librarian's renewal plus its audit entry).</summary>
    /// <param name="patronId">The patron renewing; null when a librarian or the job renews.</param>
    public async Task<LoanDto> RenewAsync(LibraryDbContext db, Guid loanId, string? patronId, bool automatic, CancellationToken ct)
    {
        var loan = await db.Loans.SingleOrDefaultAsync(l => l.Id == loanId, ct);
        if (loan is null || (patronId is not null && loan.PatronId != patronId))
        {
            throw new NotFoundException("Loan", loanId);
        }

        loan.Renew(Policy, await CircumstancesAsync(db, loan, ct), automatic, clock.GetUtcNow());
        return LoanDto.From(loan);
    }

    public async Task<RenewalCircumstances> CircumstancesAsync(LibraryDbContext db, Loan loan, CancellationToken ct)
    {
        var patron = await db.Users.AsNoTracking().Where(u => u.Id == loan.PatronId)
            .Select(u => new { u.IsBlocked, u.BlockedReason }).SingleOrDefaultAsync(ct);
        var waited = loan.Status == LoanStatus.Active && await holds.IsWaitedForByOthersAsync(db, loan.BookId, loan.PatronId, ct);
        return new RenewalCircumstances(patron?.IsBlocked ?? false, patron?.BlockedReason, waited);
    }
}
