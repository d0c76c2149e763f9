using Library.Domain.Staff.Rules;
using Library.Web.Features.Admin.Audit;
using Library.Web.Infrastructure.Identity;
using Library.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Library.Web.Features.Admin.Librarians;

public sealed record LibrarianRow(string Id, string DisplayName, string Email);

internal sealed record LibrarianSnapshot(string Email, bool IsLibrarian);

internal enum InvitationOutcome { Created, Promoted, AlreadyLibrarian }

/// <summary>
/// Staff accounts: list librarians, invite one by e-mail (a new account, or an existing patron promoted), demote one.
/// Each change is audited in its own write transaction, and changes the account's security stamp so the person's open
/// sessions pick up the new role (they sign in again within a minute).
/// </summary>
internal sealed class LibrarianAdminService(
    DbWriter writer, AuditLog audit, ILookupNormalizer normalizer, UserManager<LibraryUser> users, AccountMailer mailer,
    IDbContextFactory<LibraryDbContext> dbFactory)
{
    public async Task<IReadOnlyList<LibrarianRow>> ListAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var roleId = await db.Roles.Where(r => r.Name == Roles.Librarian).Select(r => r.Id).SingleAsync(ct);
        return await db.Users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId))
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Email)
            .Select(u => new LibrarianRow(u.Id, u.DisplayName, u.Email!)).ToListAsync(ct);
    }

    /// <param name="setPasswordUrl">Absolute URL of the set-password page, for a newly created account's e-mail.</param>
    public async Task<InvitationOutcome> InviteAsync(string email, Actor actor, string setPasswordUrl, string signInUrl, CancellationToken ct)
    {
        email = email.Trim();
        var normalized = normalizer.NormalizeEmail(email);
        var (userId, outcome) = await writer.ExecuteAsync(async (db, token) =>
        {
            var (librarianRole, patronRole) = await RoleIdsAsync(db, token);
            var user = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalized, token);
            if (user is null)
            {
                user = new LibraryUser
                {
                    Id = Guid.NewGuid().ToString(),
                    UserName = email,
                    NormalizedUserName = normalizer.NormalizeName(email),
                    Email = email,
                    NormalizedEmail = normalized,
                    EmailConfirmed = true,
                    DisplayName = email.Split('@')[0],
                    SecurityStamp = NewStamp(),
                    ConcurrencyStamp = Guid.NewGuid().ToString(),
                    LockoutEnabled = true,
                };
                db.Users.Add(user);
                db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = patronRole });
                db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = librarianRole });
                audit.Record(db, actor, AuditActions.LibrarianInvited, user.Id, email, null, new LibrarianSnapshot(email, true));
                return (user.Id, InvitationOutcome.Created);
            }

            if (await db.UserRoles.AnyAsync(ur => ur.UserId == user.Id && ur.RoleId == librarianRole, token))
            {
                return (user.Id, InvitationOutcome.AlreadyLibrarian);
            }

            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = librarianRole });
            user.SecurityStamp = NewStamp();
            audit.Record(db, actor, AuditActions.LibrarianPromoted, user.Id, user.Email, new LibrarianSnapshot(user.Email!, false), new LibrarianSnapshot(user.Email!, true));
            return (user.Id, InvitationOutcome.Promoted);
        }, ct);

        if (outcome != InvitationOutcome.AlreadyLibrarian && await users.FindByIdAsync(userId) is { } invited)
        {
            var link = outcome == InvitationOutcome.Created
                ? $"{setPasswordUrl}?email={Uri.EscapeDataString(email)}&code={WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(invited)))}"
                : signInUrl;
            mailer.SendLibrarianInvitation(invited, link);
        }

        return outcome;
    }

    public Task DemoteAsync(string librarianId, Actor actor, CancellationToken ct) =>
        writer.ExecuteAsync(async (db, token) =>
        {
            AdminRules.Check(new LibrarianCannotDemoteThemselvesRule(actor.UserId, librarianId));
            var (librarianRole, _) = await RoleIdsAsync(db, token);
            var membership = await db.UserRoles.SingleOrDefaultAsync(ur => ur.UserId == librarianId && ur.RoleId == librarianRole, token)
                             ?? throw new NotFoundException("Librarian", librarianId);
            // Inside the single write transaction, so two librarians demoting each other cannot both succeed.
            AdminRules.Check(new LastLibrarianCannotBeRemovedRule(await db.UserRoles.CountAsync(ur => ur.RoleId == librarianRole, token)));
            var user = await db.Users.SingleAsync(u => u.Id == librarianId, token);
            db.UserRoles.Remove(membership);
            user.SecurityStamp = NewStamp();
            audit.Record(db, actor, AuditActions.LibrarianDemoted, librarianId, user.Email, new LibrarianSnapshot(user.Email!, true), new LibrarianSnapshot(user.Email!, false));
            return true;
        }, ct);

    private static async Task<(string Librarian, string Patron)> RoleIdsAsync(LibraryDbContext db, CancellationToken ct)
    {
        var roles = await db.Roles.Where(r => r.Name == Roles.Librarian || r.Name == Roles.Patron).ToDictionaryAsync(r => r.Name!, r => r.Id, ct);
        return (roles[Roles.Librarian], roles[Roles.Patron]);
    }

    private static string NewStamp() => Guid.NewGuid().ToString("N").ToUpperInvariant();
}
