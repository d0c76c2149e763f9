using Library.Domain.Fines.Events;
using Library.Domain.Lending.Events;
using Library.Domain.Lending.Holds.Events;
using Library.Domain.Messaging;
using Library.Web.Infrastructure.Messaging;
using Library.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Library.Web.Features.Dashboard;

/// <summary>Keeps the dashboard read model (and the activity list) in step with lending and fines events.</summary>
internal sealed class DashboardProjection(LibraryDbContext db, AfterCommit afterCommit, DashboardNotifier notifier, TimeProvider clock) :
    IEventHandler<BookBorrowed>,
    IEventHandler<BookReturned>,
    IEventHandler<BookExpired>,
    IEventHandler<LoanDueDateChanged>,
    IEventHandler<LoanRenewed>,
    IEventHandler<LateFeeCharged>,
    IEventHandler<LateFeeSettled>,
    IEventHandler<BorrowCancelled>,
    IEventHandler<CopyLossRecorded>,
    IEventHandler<LostCopyFeeCharged>,
    IEventHandler<HoldPlaced>,
    IEventHandler<HoldReady>,
    IEventHandler<HoldFulfilled>,
    IEventHandler<HoldCancelled>,
    IEventHandler<HoldExpired>,
    IEventHandler<HoldRequeued>
{
    public Task HandleAsync(HoldPlaced e, CancellationToken ct) => ApplyHoldsAsync(e.PatronId, waiting: 1, ready: 0, ct);

    public Task HandleAsync(HoldReady e, CancellationToken ct) => ApplyHoldsAsync(e.PatronId, waiting: -1, ready: 1, ct);

    public Task HandleAsync(HoldFulfilled e, CancellationToken ct) => ApplyHoldsAsync(e.PatronId, waiting: 0, ready: -1, ct);

    public Task HandleAsync(HoldCancelled e, CancellationToken ct) =>
        ApplyHoldsAsync(e.PatronId, waiting: e.WasReady ? 0 : -1, ready: e.WasReady ? -1 : 0, ct);

    public Task HandleAsync(HoldExpired e, CancellationToken ct) => ApplyHoldsAsync(e.PatronId, waiting: 0, ready: -1, ct);

    public Task HandleAsync(HoldRequeued e, CancellationToken ct) => ApplyHoldsAsync(e.PatronId, waiting: 1, ready: -1, ct);

    public Task HandleAsync(CopyLossRecorded e, CancellationToken ct) =>
        ApplyAsync(e.PatronId, null, ActivityKind.Returned, e.BookId, 1, 0, e.OccurredAt, ct, onLoan: -1, overdue: e.LoanClosed && e.LoanWasFlaggedOverdue ? -1 : 0);

    public Task HandleAsync(LostCopyFeeCharged e, CancellationToken ct) =>
        ApplyAsync(e.PatronId, e.EventId, ActivityKind.FeeCharged, e.BookId, 0, e.Amount, e.OccurredAt, ct, fees: e.Amount);

    public Task HandleAsync(BookBorrowed e, CancellationToken ct) =>
        ApplyAsync(e.PatronId, e.EventId, ActivityKind.Borrowed, e.BookId, e.Quantity, 0, e.OccurredAt, ct, onLoan: e.Quantity);

    public Task HandleAsync(BookReturned e, CancellationToken ct) =>
        ApplyAsync(e.PatronId, e.EventId, ActivityKind.Returned, e.BookId, e.Quantity, 0, e.OccurredAt, ct, onLoan: -e.Quantity, overdue: e.LoanClosed && e.LoanWasFlaggedOverdue ? -1 : 0);

    public Task HandleAsync(BookExpired e, CancellationToken ct) =>
        ApplyAsync(e.PatronId, e.EventId, ActivityKind.BecameOverdue, e.BookId, e.QuantityOnLoan, 0, e.OccurredAt, ct, overdue: 1);

    public Task HandleAsync(LoanDueDateChanged e, CancellationToken ct) =>
        e.OverdueFlagCleared
            ? ApplyAsync(e.PatronId, null, ActivityKind.Borrowed, null, 0, 0, e.OccurredAt, ct, overdue: -1)
            : Task.CompletedTask;

    /// <summary>A renewal is on the activity list; one that moved an overdue loan's due date into the future clears its overdue count.</summary>
    public Task HandleAsync(LoanRenewed e, CancellationToken ct) =>
        ApplyAsync(e.PatronId, e.EventId, ActivityKind.Renewed, e.BookId, e.QuantityOnLoan, 0, e.OccurredAt, ct, overdue: e.OverdueFlagCleared ? -1 : 0);

    public Task HandleAsync(LateFeeCharged e, CancellationToken ct) =>
        ApplyAsync(e.PatronId, e.EventId, ActivityKind.FeeCharged, e.BookId, 0, e.Amount, e.OccurredAt, ct, fees: e.Amount);

    public Task HandleAsync(LateFeeSettled e, CancellationToken ct) =>
        ApplyAsync(e.PatronId, e.EventId, ActivityKind.FeeSettled, null, 0, e.Amount, e.OccurredAt, ct, fees: -e.Amount);

    public Task HandleAsync(BorrowCancelled e, CancellationToken ct) =>
        ApplyAsync(e.PatronId, e.EventId, ActivityKind.BorrowCancelled, e.BookId, e.RequestedQuantity, 0, e.OccurredAt, ct, onLoan: 0);

    private async Task ApplyHoldsAsync(string patronId, int waiting, int ready, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var updated = await db.PatronDashboards.Where(d => d.PatronId == patronId).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.HoldsWaiting, d => d.HoldsWaiting + waiting)
            .SetProperty(d => d.HoldsReady, d => d.HoldsReady + ready)
            .SetProperty(d => d.UpdatedAt, now), ct);
        if (updated == 0)
        {
            db.PatronDashboards.Add(new PatronDashboard { PatronId = patronId, HoldsWaiting = waiting, HoldsReady = ready, UpdatedAt = now });
        }

        afterCommit.Enqueue(() => notifier.PublishAsync(patronId, patronId));
    }

    /// <summary>Adds the deltas to the patron's row in one statement (the row is created on first use) and logs the activity.</summary>
    private async Task ApplyAsync(
        string patronId, Guid? activityId, ActivityKind kind, int? bookId, int quantity, long amount, DateTimeOffset occurredAt,
        CancellationToken ct, int onLoan = 0, long fees = 0, int overdue = 0)
    {
        var now = clock.GetUtcNow();
        var updated = await db.PatronDashboards.Where(d => d.PatronId == patronId).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.BooksOnLoan, d => d.BooksOnLoan + onLoan)
            .SetProperty(d => d.AccumulatedFees, d => d.AccumulatedFees + fees)
            .SetProperty(d => d.OverdueLoans, d => d.OverdueLoans + overdue)
            .SetProperty(d => d.UpdatedAt, now), ct);
        if (updated == 0)
        {
            db.PatronDashboards.Add(new PatronDashboard
            {
                PatronId = patronId, BooksOnLoan = onLoan, AccumulatedFees = fees, OverdueLoans = overdue, UpdatedAt = now,
            });
        }

        if (activityId is { } id)
        {
            // The title is joined when the activity is read, so this hot path writes without reading.
            db.ActivityEntries.Add(new ActivityEntry
            {
                Id = id, PatronId = patronId, Kind = kind, BookId = bookId,
                Quantity = quantity, Amount = amount, OccurredAt = occurredAt,
            });
        }

        afterCommit.Enqueue(() => notifier.PublishAsync(patronId, patronId));
    }
}
