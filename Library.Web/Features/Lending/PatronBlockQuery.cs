using Library.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Library.Web.Features.Lending;

/// <summary>A librarian's block on a patron's card, as the patron is told about it before trying to borrow.</summary>
public sealed record PatronBlock(string? Reason);

internal sealed class PatronBlockQuery(IDbContextFactory<LibraryDbContext> dbFactory)
{
    /// <returns>The block, or null when the patron may borrow.</returns>
    public async Task<PatronBlock?> FindAsync(string patronId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var patron = await db.Users.AsNoTracking().Where(u => u.Id == patronId)
            .Select(u => new { u.IsBlocked, u.BlockedReason }).SingleOrDefaultAsync(cancellationToken);
        return patron is { IsBlocked: true } ? new PatronBlock(patron.BlockedReason) : null;
    }
}
