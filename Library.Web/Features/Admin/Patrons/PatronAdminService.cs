using Library.Web.Infrastructure.Identity.Cards;
using Library.Domain.Lending.Rules;
using Library.Domain.Staff.Rules;
using Library.Web.Features.Admin.Audit;
using Library.Web.Infrastructure.Identity;
using Library.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Library.Web.Features.Admin.Patrons;

internal sealed record PatronSnapshot(bool IsBlocked, string? BlockedReason);

/// <summary>Blocks and unblocks library cards. A blocked patron cannot borrow and is told the reason.</summary>
internal sealed class PatronAdminService(DbWriter writer, AuditLog audit, CardNumbers cardNumbers)
{
    /// <summary>A lost or worn card: the patron gets a new number and the old one stops working at once.</summary>
    public Task<string> ReplaceCardAsync(string patronId, Actor actor, CancellationToken cancellationToken) =>
        writer.ExecuteAsync(async (db, ct) =>
        {
            var user = await db.Users.SingleOrDefaultAsync(u => u.Id == patronId, ct) ?? throw new NotFoundException("Patron", patronId);
            var before = user.CardNumber;
            user.CardNumber = await cardNumbers.NewAsync(db.Users, ct);
            audit.Record(db, actor, AuditActions.CardReplaced, patronId, user.Email, new { CardNumber = before }, new { user.CardNumber });
            return user.CardNumber;
        }, cancellationToken);

    public Task BlockAsync(string patronId, string? reason, Actor actor, CancellationToken cancellationToken)
    {
        AdminRules.Check(new LibrarianCannotBlockThemselvesRule(actor.UserId, patronId));
        AdminRules.Check(new BlockingNeedsReasonRule(reason));
        var trimmed = reason!.Trim();
        trimmed = trimmed.Length > BlockingNeedsReasonRule.MaxLength ? trimmed[..BlockingNeedsReasonRule.MaxLength] : trimmed;
        return ChangeAsync(patronId, AuditActions.PatronBlocked, u =>
        {
            u.IsBlocked = true;
            u.BlockedReason = trimmed;
        }, actor, cancellationToken);
    }

    public Task UnblockAsync(string patronId, Actor actor, CancellationToken cancellationToken) =>
        ChangeAsync(patronId, AuditActions.PatronUnblocked, u =>
        {
            u.IsBlocked = false;
            u.BlockedReason = null;
        }, actor, cancellationToken);

    private Task ChangeAsync(string patronId, string action, Action<LibraryUser> change, Actor actor, CancellationToken cancellationToken) =>
        writer.ExecuteAsync(async (db, ct) =>
        {
            var user = await db.Users.SingleOrDefaultAsync(u => u.Id == patronId, ct) ?? throw new NotFoundException("Patron", patronId);
            var before = new PatronSnapshot(user.IsBlocked, user.BlockedReason);
            change(user);
            var after = new PatronSnapshot(user.IsBlocked, user.BlockedReason);
            if (before != after)
            {
                audit.Record(db, actor, action, patronId, user.Email, before, after);
            }

            return true;
        }, cancellationToken);
}
