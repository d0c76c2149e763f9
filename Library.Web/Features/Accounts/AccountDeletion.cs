using Library.Domain.Accounts.Rules;
using Library.Domain.Common;
using Library.Domain.Fines;
using Library.Domain.Lending;
using Library.Web.Features.Accounts.Sessions;
using Library.Web.Features.Admin;
using Library.Web.Features.Admin.Audit;
using Library.Web.Features.Notices;
using Library.Web.Infrastructure.Identity;
using Library.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Library.Web.Features.Accounts;

/// <summary>
/// Deletes a patron's own account by anonymising it: loans, returns and fees keep pointing at the (now nameless) user row,
/// so history and statistics stay intact, while everything that identifies the person or lets anyone sign in is removed.
/// </summary>
internal sealed class AccountDeletion(
    DbWriter writer, AuditLog audit, IDbContextFactory<LibraryDbContext> dbFactory, Lending.Holds.HoldShelf holdShelf, TimeProvider clock)
{
    /// <summary>The rules that currently stand in the way (empty: the account can be deleted).</summary>
    public async Task<List<IBusinessRule>> BlockersAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await BrokenRulesAsync(db, userId, cancellationToken);
    }

    /// <returns>The rules that refused the deletion; empty when the account was anonymised.</returns>
    public Task<List<IBusinessRule>> DeleteAsync(string userId, CancellationToken cancellationToken) =>
        writer.ExecuteAsync(async (db, ct) =>
        {
            var broken = await BrokenRulesAsync(db, userId, ct);
            if (broken.Count > 0)
            {
                return broken;
            }

            // Open holds end with the account; a copy held for it passes to the next patron.
            await Lending.Holds.HoldService.CancelOpenAsync(
                db, h => h.PatronId == userId, byLibrarian: false, holdShelf, clock.GetUtcNow(), ct);

            var user = await db.Users.SingleAsync(u => u.Id == userId, ct);
            var formerEmail = user.Email ?? userId;
            audit.Record(db, new Actor(userId, formerEmail), AuditActions.PatronAccountDeleted, userId, formerEmail, null, null);
            Anonymise(user);
            await db.UserRoles.Where(r => r.UserId == userId).ExecuteDeleteAsync(ct);
            await db.UserClaims.Where(c => c.UserId == userId).ExecuteDeleteAsync(ct);
            await db.UserLogins.Where(l => l.UserId == userId).ExecuteDeleteAsync(ct);
            await db.UserTokens.Where(t => t.UserId == userId).ExecuteDeleteAsync(ct);
            await db.Set<UserSession>().Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);
            await db.Set<Notification>().Where(n => n.PatronId == userId).ExecuteDeleteAsync(ct);
            await db.SaveChangesAsync(ct);
            return broken;
        }, cancellationToken);

    private static void Anonymise(LibraryUser user)
    {
        var placeholder = $"deleted-{user.Id}@deleted.invalid";
        user.UserName = placeholder;
        user.NormalizedUserName = placeholder.ToUpperInvariant();
        user.Email = placeholder;
        user.NormalizedEmail = placeholder.ToUpperInvariant();
        user.EmailConfirmed = false;
        user.DisplayName = string.Empty;
        user.PasswordHash = null;
        user.PhoneNumber = null;
        user.TwoFactorEnabled = false;
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        user.LockoutEnabled = true;
        user.LockoutEnd = DateTimeOffset.MaxValue;
        user.IsBlocked = true;
        user.BlockedReason = null;
    }

    private static async Task<List<IBusinessRule>> BrokenRulesAsync(LibraryDbContext db, string userId, CancellationToken ct)
    {
        var onLoan = await db.Loans.Where(l => l.PatronId == userId && l.Status == LoanStatus.Active)
            .SumAsync(l => l.Quantity - l.QuantityReturned - l.QuantityLost, ct);
        var outstanding = await db.Fees.Where(f => f.PatronId == userId && f.Status == FeeStatus.Outstanding)
            .Select(f => f.Amount).ToListAsync(ct);
        var librarianRoleId = await db.Roles.Where(r => r.Name == Roles.Librarian).Select(r => r.Id).SingleOrDefaultAsync(ct);
        var isLibrarian = await db.UserRoles.AnyAsync(r => r.UserId == userId && r.RoleId == librarianRoleId, ct);
        var librarians = await db.UserRoles.CountAsync(r => r.RoleId == librarianRoleId, ct);
        IBusinessRule[] rules =
        [
            new NoActiveLoansToDeleteAccountRule(onLoan),
            new NoOutstandingFeesToDeleteAccountRule(outstanding.Sum()),
            new LastLibrarianCannotBeDeletedRule(isLibrarian, librarians),
        ];
        return rules.Where(r => r.IsBroken()).ToList();
    }
}
