using Library.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Library.Web.Features.Notices;

/// <summary>Wakes the mailer right after a notice was committed.</summary>
internal sealed class NoticeMailSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        try
        {
            if (_signal.CurrentCount == 0)
            {
                _signal.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}

/// <summary>
/// Sends the e-mails of committed notices that are not sent yet, outside the database write lock (SMTP can be slow).
/// At least once: a crash after the server accepted a mail and before it was marked sent sends it again, with the
/// same Message-ID (and, in the pickup folder, the same file name), so a duplicate is recognisable.
/// </summary>
internal sealed class NoticeMailer(
    IDbContextFactory<LibraryDbContext> dbFactory,
    IWriteGate writeGate,
    INotificationSender sender,
    NoticeEmailComposer composer,
    TimeProvider clock,
    IOptions<NotificationOptions> options,
    ILogger<NoticeMailer> logger)
{
    private const int BatchSize = 50;
    private readonly SemaphoreSlim _onePassAtATime = new(1, 1);

    /// <returns>How many e-mails were sent.</returns>
    public async Task<int> SendPendingAsync(CancellationToken cancellationToken)
    {
        await _onePassAtATime.WaitAsync(cancellationToken);
        try
        {
            var sent = 0;
            var tried = new HashSet<Guid>();
            while (true)
            {
                var batch = await LoadDueAsync(cancellationToken);
                batch.RemoveAll(b => !tried.Add(b.Notice.Id));
                if (batch.Count == 0)
                {
                    return sent;
                }

                foreach (var (notice, displayName) in batch)
                {
                    if (await TrySendAsync(notice, displayName, cancellationToken))
                    {
                        sent++;
                    }
                }
            }
        }
        finally
        {
            _onePassAtATime.Release();
        }
    }

    private async Task<List<(Notification Notice, string DisplayName)>> LoadDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await (
                from n in db.Notifications.AsNoTracking()
                where n.EmailTo != null && n.EmailSentAt == null && n.EmailFailedAt == null
                      && (n.EmailNextAttemptAt == null || n.EmailNextAttemptAt <= now)
                join u in db.Users on n.PatronId equals u.Id
                orderby n.CreatedAt
                select new { Notice = n, u.DisplayName })
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        return rows.Select(r => (r.Notice, r.DisplayName)).ToList();
    }

    private async Task<bool> TrySendAsync(Notification notice, string displayName, CancellationToken cancellationToken)
    {
        try
        {
            var name = string.IsNullOrWhiteSpace(displayName) ? notice.EmailTo! : displayName;
            var email = composer.Compose(notice, notice.EmailTo!, name, clock.GetUtcNow());
            await sender.SendAsync(email, cancellationToken);
            await UpdateAsync(notice.Id, s => s
                .SetProperty(n => n.EmailSentAt, clock.GetUtcNow())
                .SetProperty(n => n.EmailAttempts, notice.EmailAttempts + 1)
                .SetProperty(n => n.EmailLastError, (string?)null), CancellationToken.None);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var attempts = notice.EmailAttempts + 1;
            var settings = options.Value;
            var giveUp = attempts >= settings.MaxEmailAttempts;
            var delay = TimeSpan.FromTicks(Math.Min(settings.MaxRetryDelay.Ticks, settings.FirstRetryDelay.Ticks * (1L << Math.Min(attempts - 1, 20))));
            var now = clock.GetUtcNow();
            var error = ex.GetType().Name + ": " + ex.Message;
            logger.LogWarning(ex, "E-mail for notice {NoticeId} failed (attempt {Attempts}){Outcome}", notice.Id, attempts, giveUp ? "; giving up" : $"; retry in {delay}");
            await UpdateAsync(notice.Id, s => s
                .SetProperty(n => n.EmailAttempts, attempts)
                .SetProperty(n => n.EmailLastError, error.Length > 4000 ? error[..4000] : error)
                .SetProperty(n => n.EmailNextAttemptAt, now + delay)
                .SetProperty(n => n.EmailFailedAt, giveUp ? now : null), CancellationToken.None);
            return false;
        }
    }

    private async Task UpdateAsync(
        Guid id, Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<Notification>> setters, CancellationToken cancellationToken)
    {
        using var _ = await writeGate.EnterAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Notifications.Where(n => n.Id == id).ExecuteUpdateAsync(setters, cancellationToken);
    }
}

/// <summary>Runs the mailer when a notice is committed, and every poll interval for retries.</summary>
internal sealed class NoticeMailerService(
    NoticeMailer mailer, NoticeMailSignal signal, IOptions<NotificationOptions> options, ILogger<NoticeMailerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await mailer.SendPendingAsync(stoppingToken);
                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Notice mail pass failed; trying again shortly");
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
