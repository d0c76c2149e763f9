using Library.Domain.Fines.Events;
using Library.Domain.Lending;
using Library.Domain.Lending.Events;
using Library.Domain.Lending.Holds.Events;
using Library.Domain.Messaging;
using Library.Web.Features.Fines;
using Library.Web.Infrastructure.Messaging;
using Library.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Library.Web.Features.Notices;

/// <summary>
/// Turns "your loan is overdue" and "you were charged a late fee" into a notice: one row per event (its id is the
/// event id), queued for e-mail in the same transaction. After commit, open pages hear about it and the mailer wakes.
/// </summary>
internal sealed class NotifyPatron(
    LibraryDbContext db,
    AfterCommit afterCommit,
    NotificationNotifier notifier,
    NoticeMailSignal mailSignal,
    LateFeeQuote quote,
    LibraryCalendar calendar,
    TimeProvider clock) :
    IEventHandler<BookExpired>,
    IEventHandler<LateFeeCharged>,
    IEventHandler<HoldReady>,
    IEventHandler<HoldExpired>,
    IEventHandler<HoldCancelled>,
    IEventHandler<LoanRenewed>,
    IEventHandler<LoanDueSoonReminded>
{
    public Task HandleAsync(HoldReady e, CancellationToken ct) =>
        AddAsync(e.EventId, e.PatronId, NoticeKind.HoldReady, e.BookId, 1, 0, 0, e.ReadyUntil, ct);

    public Task HandleAsync(HoldExpired e, CancellationToken ct) =>
        AddAsync(e.EventId, e.PatronId, NoticeKind.HoldExpired, e.BookId, 0, 0, 0, null, ct);

    /// <summary>Patrons are told when a librarian cancels their hold (they know when they cancel it themselves).</summary>
    public Task HandleAsync(HoldCancelled e, CancellationToken ct) =>
        e.ByLibrarian ? AddAsync(e.EventId, e.PatronId, NoticeKind.HoldCancelled, e.BookId, 0, 0, 0, null, ct, e.Reason) : Task.CompletedTask;

    /// <summary>Only the auto-renewal job's renewals are told: a patron or librarian who renews sees the new date at once.</summary>
    public Task HandleAsync(LoanRenewed e, CancellationToken ct) =>
        e.Automatic
            ? AddAsync(e.EventId, e.PatronId, NoticeKind.LoanAutoRenewed, e.BookId, e.QuantityOnLoan, 0, 0, e.DueAt, ct)
            : Task.CompletedTask;

    public Task HandleAsync(LoanDueSoonReminded e, CancellationToken ct) =>
        AddAsync(e.EventId, e.PatronId, NoticeKind.DueSoon, e.BookId, e.QuantityOnLoan, 0, 0, e.DueAt, ct,
            reason: !e.AutoRenewOn ? null : e.NotAutoRenewableBecause ?? Notification.WillAutoRenew);

    public Task HandleAsync(BookExpired e, CancellationToken ct)
    {
        var daysOverdue = OverdueDays.Between(e.DueAt, e.OccurredAt, calendar);
        return AddAsync(e.EventId, e.PatronId, NoticeKind.LoanOverdue, e.BookId, e.QuantityOnLoan, daysOverdue, quote.For(daysOverdue), e.DueAt, ct);
    }

    public Task HandleAsync(LateFeeCharged e, CancellationToken ct) =>
        AddAsync(e.EventId, e.PatronId, NoticeKind.LateFeeCharged, e.BookId, 0, e.DaysOverdue, e.Amount, null, ct);

    private async Task AddAsync(
        Guid eventId, string patronId, NoticeKind kind, int bookId, int quantity, int daysOverdue, long amount, DateTimeOffset? dueAt,
        CancellationToken ct, string? reason = null)
    {
        if (await db.Notifications.AnyAsync(n => n.Id == eventId, ct))
        {
            return;
        }

        var patron = await db.Users.AsNoTracking().Where(u => u.Id == patronId).Select(u => new { u.Email }).SingleOrDefaultAsync(ct);
        if (patron is null)
        {
            return;
        }

        var title = await db.Books.AsNoTracking().Where(b => b.Id == bookId).Select(b => b.Title).SingleOrDefaultAsync(ct);
        db.Notifications.Add(new Notification
        {
            Id = eventId,
            PatronId = patronId,
            Kind = kind,
            BookId = bookId,
            BookTitle = title ?? string.Empty,
            Quantity = quantity,
            DaysOverdue = daysOverdue,
            Amount = amount,
            DueAt = dueAt,
            Reason = reason,
            CreatedAt = clock.GetUtcNow(),
            EmailTo = string.IsNullOrWhiteSpace(patron.Email) ? null : patron.Email,
        });
        afterCommit.Enqueue(async () =>
        {
            mailSignal.Notify();
            await notifier.PublishAsync(patronId, patronId);
        });
    }
}
