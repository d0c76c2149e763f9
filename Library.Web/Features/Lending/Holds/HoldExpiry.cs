using Library.Domain.Catalog.Copies;
using Library.Domain.Lending.Holds;
using Library.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Library.Web.Features.Lending.Holds;

/// <param name="Expired">Ready holds past their pickup deadline that this run closed (each raised HoldExpired).</param>
/// <param name="PassedOn">Their copies that went to the next patron waiting (the others went back on the shelf).</param>
/// <param name="Offered">Copies found on the shelf while a hold waited (a hold placed as a copy came back) and given to it.</param>
public sealed record HoldExpiryResult(int Expired, int PassedOn, int Offered);

/// <summary>
/// Closes ready holds whose pickup deadline passed, in batches of one write transaction each, and passes each copy to the
/// next patron waiting (or back to the shelf). Safe to run again or on two nodes: a closed hold is never selected again.
/// </summary>
internal sealed class HoldExpiry(DbWriter writer, HoldShelf holdShelf, TimeProvider clock, IOptions<HoldsOptions> options)
{
    public async Task<HoldExpiryResult> RunAsync(CancellationToken cancellationToken)
    {
        var batchSize = Math.Max(1, options.Value.ExpiryBatchSize);
        int expired = 0, passedOn = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var (inBatch, passedInBatch) = await writer.ExecuteAsync(async (db, ct) =>
            {
                var now = clock.GetUtcNow();
                var holds = await db.Holds.Where(h => h.Status == HoldStatus.Ready && h.ReadyUntil < now)
                    .OrderBy(h => h.ReadyUntil).Take(batchSize).ToListAsync(ct);
                var passed = 0;
                foreach (var hold in holds)
                {
                    var copy = await db.Copies.SingleAsync(c => c.Id == hold.Expire(now), ct);
                    var book = await db.Books.SingleAsync(b => b.Id == hold.BookId, ct);
                    if (copy.Status == CopyStatus.OnHoldShelf && await holdShelf.PassOnAsync(db, book, copy, now, ct) is not null)
                    {
                        passed++;
                    }
                }

                return (holds.Count, passed);
            }, cancellationToken);
            expired += inBatch;
            passedOn += passedInBatch;
            if (inBatch < batchSize)
            {
                break;
            }
        }

        return new HoldExpiryResult(expired, passedOn, await OfferShelvedCopiesAsync(cancellationToken));
    }

    /// <summary>
    /// A hold placed on one node while a copy came back on another can wait beside a copy on the shelf (each transaction
    /// saw the other's state before it): such copies go to the queue here.
    /// </summary>
    private async Task<int> OfferShelvedCopiesAsync(CancellationToken cancellationToken) =>
        await writer.ExecuteAsync(async (db, ct) =>
        {
            var now = clock.GetUtcNow();
            var titles = await db.Books.Where(b => b.AvailableCopies > 0 && !b.IsArchived
                    && db.Holds.Any(h => h.BookId == b.Id && h.Status == HoldStatus.Waiting))
                .Take(100).ToListAsync(ct);
            var offered = 0;
            foreach (var book in titles)
            {
                var shelf = await db.Copies.Where(c => c.BookId == book.Id && c.Status == CopyStatus.Available)
                    .OrderBy(c => c.Id).Take(book.AvailableCopies).ToListAsync(ct);
                offered += (await holdShelf.OfferAsync(db, book, shelf, now, ct)).Count;
            }

            return offered;
        }, cancellationToken);
}
