using Library.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Library.Web.Features.Accounts.Sessions;

/// <summary>Reads and writes <see cref="UserSession"/> rows. Each write is one statement behind the write gate.</summary>
internal sealed class SessionStore(IDbContextFactory<LibraryDbContext> dbFactory, IWriteGate writeGate, TimeProvider clock)
{
    /// <summary>"Last seen" is written at most this often per session, so page loads do not each cost a write.</summary>
    public static readonly TimeSpan LastSeenResolution = TimeSpan.FromMinutes(1);

    public async Task<Guid> CreateAsync(string userId, string? userAgent, string? ipAddress, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var session = new UserSession
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            SignedInAt = now,
            LastSeenAt = now,
            UserAgent = userAgent is { Length: > 512 } ? userAgent[..512] : userAgent,
            IpAddress = ipAddress is { Length: > 64 } ? ipAddress[..64] : ipAddress,
        };
        using var _ = await writeGate.EnterAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Set<UserSession>().Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return session.Id;
    }

    /// <summary>True when the session exists for this user and is not revoked; refreshes "last seen" now and then.</summary>
    public async Task<bool> IsActiveAsync(Guid sessionId, string userId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Set<UserSession>().AsNoTracking()
            .Where(s => s.Id == sessionId && s.UserId == userId)
            .Select(s => new { s.RevokedAt, s.LastSeenAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null || row.RevokedAt is not null)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        if (now - row.LastSeenAt >= LastSeenResolution)
        {
            using var _ = await writeGate.EnterAsync(cancellationToken);
            await db.Set<UserSession>().Where(s => s.Id == sessionId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now), cancellationToken);
        }

        return true;
    }

    public async Task<List<UserSession>> ListActiveAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var sessions = await db.Set<UserSession>().AsNoTracking()
            .Where(s => s.UserId == userId && s.RevokedAt == null)
            .ToListAsync(cancellationToken);
        return sessions.OrderByDescending(s => s.LastSeenAt).ToList();
    }

    /// <summary>Revokes one of the user's sessions; false when it is not theirs or already gone.</summary>
    public async Task<bool> RevokeAsync(string userId, Guid sessionId, CancellationToken cancellationToken) =>
        await RevokeWhereAsync(userId, s => s.Id == sessionId, cancellationToken) > 0;

    /// <summary>Revokes every session of the user except <paramref name="keep"/> (the current one, when there is one).</summary>
    public Task<int> RevokeOthersAsync(string userId, Guid? keep, CancellationToken cancellationToken) =>
        RevokeWhereAsync(userId, s => keep == null || s.Id != keep, cancellationToken);

    private async Task<int> RevokeWhereAsync(
        string userId, System.Linq.Expressions.Expression<Func<UserSession, bool>> which, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        using var _ = await writeGate.EnterAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<UserSession>().Where(s => s.UserId == userId && s.RevokedAt == null).Where(which)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now), cancellationToken);
    }
}
