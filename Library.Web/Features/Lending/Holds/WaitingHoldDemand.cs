using Library.Domain.Lending.Holds;
using Library.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Library.Web.Features.Lending.Holds;

/// <summary>Another patron waits for the title and no copy is on the shelf for them: a renewal would keep them waiting.</summary>
internal sealed class WaitingHoldDemand : IHoldDemand
{
    public async Task<bool> IsWaitedForByOthersAsync(LibraryDbContext db, int bookId, string patronId, CancellationToken ct) =>
        await db.Holds.AnyAsync(h => h.BookId == bookId && h.Status == HoldStatus.Waiting && h.PatronId != patronId, ct)
        && await db.Books.Where(b => b.Id == bookId).Select(b => b.AvailableCopies).SingleOrDefaultAsync(ct) == 0;
}
