using Library.Domain.Fines.Events;
using Library.Domain.Lending.Events;
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
    IEventHandler<LateFeeCharged>,
    IEventHandler<LateFeeSettled>,
    IEventHandler<BorrowCancelled>
{
    public Task HandleAsync(BookBorrowed e, CancellationToken ct) =>
        ApplyAsync(e.PatronId, d => d.BooksOnLoan += e.Quantity, e.EventId, ActivityKind.Borrowed, e.BookId, e.Quantity, 0, e.OccurredAt, ct);

    public Task HandleAsync(BookReturned e, CancellationToken ct) =>
        ApplyAsync(e.PatronId, d =>
        {
            d.BooksOnLoan -= e.Quantity;
            if (e.LoanClosed && e.LoanWasFlaggedOverdue)
            {
                d.OverdueLoans--;
            }
        }, e.EventId, ActivityKind.Returned, e.BookId, e.Quantity, 0, e.OccurredAt, ct);

    public Task HandleAsync(BookExpired e, CancellationToken ct) =>
        ApplyAsync(e.PatronId, d => d.OverdueLoans++, e.EventId, ActivityKind.BecameOverdue, e.BookId, e.QuantityOnLoan, 0, e.OccurredAt, ct);

    public Task HandleAsync(LoanDueDateChanged e, CancellationToken ct) =>
        e.OverdueFlagCleared
            ? ApplyAsync(e.PatronId, d => d.OverdueLoans--, null, ActivityKind.Borrowed, null, 0, 0, e.OccurredAt, ct)
            : Task.CompletedTask;

    public Task HandleAsync(LateFeeCharged e, CancellationToken ct) =>
        ApplyAsync(e.PatronId, d => d.AccumulatedFees += e.Amount, e.EventId, ActivityKind.FeeCharged, e.BookId, 0, e.Amount, e.OccurredAt, ct);

    public Task HandleAsync(LateFeeSettled e, CancellationToken ct) =>
        ApplyAsync(e.PatronId, d => d.AccumulatedFees -= e.Amount, e.EventId, ActivityKind.FeeSettled, null, 0, e.Amount, e.OccurredAt, ct);

    public Task HandleAsync(BorrowCancelled e, CancellationToken ct) =>
        ApplyAsync(e.PatronId, _ => { }, e.EventId, ActivityKind.BorrowCancelled, e.BookId, e.RequestedQuantity, 0, e.OccurredAt, ct);

    private async Task ApplyAsync(
        string patronId, Action<PatronDashboard> change, Guid? activityId, ActivityKind kind,
        int? bookId, int quantity, long amount, DateTimeOffset occurredAt, CancellationToken ct)
    {
        var row = await db.PatronDashboards.FindAsync([patronId], ct);
        if (row is null)
        {
            row = new PatronDashboard { PatronId = patronId };
            db.PatronDashboards.Add(row);
        }

        change(row);
        row.UpdatedAt = clock.GetUtcNow();
        if (activityId is { } id)
        {
            var title = bookId is null ? null : await db.Books.Where(b => b.Id == bookId).Select(b => b.Title).SingleOrDefaultAsync(ct);
            db.ActivityEntries.Add(new ActivityEntry
            {
                Id = id, PatronId = patronId, Kind = kind, BookId = bookId, BookTitle = title,
                Quantity = quantity, Amount = amount, OccurredAt = occurredAt,
            });
        }

        afterCommit.Enqueue(() => notifier.PublishAsync(patronId, patronId));
    }
}
