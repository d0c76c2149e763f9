using Library.Web.Infrastructure.Identity.Cards;
using Microsoft.EntityFrameworkCore;

namespace Library.Web.Infrastructure.Persistence.Backfill;

/// <summary>Gives every account created before library cards existed a card number; does nothing once all have one.</summary>
internal sealed class CardNumbersBackfill(IDbContextFactory<LibraryDbContext> dbFactory, CardNumbers cardNumbers)
{
    public async Task RunAsync(CancellationToken ct)
    {
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var users = await db.Users.Where(u => u.CardNumber == null).OrderBy(u => u.Id).Take(500).ToListAsync(ct);
            if (users.Count == 0)
            {
                return;
            }

            var given = new HashSet<string>();
            foreach (var user in users)
            {
                user.CardNumber = await cardNumbers.NewAsync(db.Users, ct, given);
                given.Add(user.CardNumber);
            }

            await db.SaveChangesAsync(ct);
        }
    }
}
