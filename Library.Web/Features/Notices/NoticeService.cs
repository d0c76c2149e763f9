using Library.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Library.Web.Features.Notices;

/// <summary>A patron's notices: list, unread count, mark as read. Every change tells the patron's open pages.</summary>
internal sealed class NoticeService(
    IDbContextFactory<LibraryDbContext> dbFactory, DbWriter writer, NotificationNotifier notifier, TimeProvider clock)
{
    public async Task<int> UnreadCountAsync(string patronId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Notifications.CountAsync(n => n.PatronId == patronId && n.ReadAt == null, cancellationToken);
    }

    /// <summary>Newest first.</summary>
    public async Task<IReadOnlyList<NoticeView>> ListAsync(string patronId, int take, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Notifications.AsNoTracking()
            .Where(n => n.PatronId == patronId)
            .OrderByDescending(n => n.CreatedAt)
            .Take(take)
            .Select(n => new NoticeView(n.Id, n.Kind, n.BookId, n.BookTitle, n.Quantity, n.DaysOverdue, n.Amount, n.DueAt, n.CreatedAt, n.ReadAt != null, n.Reason))
            .ToListAsync(cancellationToken);
    }

    /// <returns>False when the patron has no such notice.</returns>
    public async Task<bool> MarkReadAsync(string patronId, Guid noticeId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var found = await writer.ExecuteAsync(async (db, ct) =>
        {
            var exists = await db.Notifications.AnyAsync(n => n.Id == noticeId && n.PatronId == patronId, ct);
            await db.Notifications
                .Where(n => n.Id == noticeId && n.PatronId == patronId && n.ReadAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
            return exists;
        }, cancellationToken);
        await notifier.PublishAsync(patronId, patronId);
        return found;
    }

    public async Task<int> MarkAllReadAsync(string patronId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var changed = await writer.ExecuteAsync((db, ct) => db.Notifications
            .Where(n => n.PatronId == patronId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct), cancellationToken);
        await notifier.PublishAsync(patronId, patronId);
        return changed;
    }
}
