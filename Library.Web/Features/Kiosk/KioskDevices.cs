using Library.Web.Features.Admin;
using Library.Web.Features.Admin.Audit;
using Library.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Library.Web.Features.Kiosk;

/// <summary>
/// Authorised self-check stations: librarians authorise a browser directly (it receives its device token) or through a
/// one-time pairing code typed or opened on the station, list stations and revoke them (audited). A kiosk page asks
/// <see cref="FindAsync"/> with the token its browser kept; an unknown, revoked or pairing value finds nothing.
/// </summary>
internal sealed class KioskDevices(
    DbWriter writer, AuditLog audit, IDbContextFactory<LibraryDbContext> dbFactory, TimeProvider clock, IOptions<KioskOptions> options)
{
    public const int MaxNameLength = 100;

    /// <summary>How often a station's "last seen" is written at most (a kiosk checks its token at every patron session).</summary>
    private static readonly TimeSpan SeenResolution = TimeSpan.FromMinutes(1);

    public async Task<IReadOnlyList<KioskStationRow>> ListAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var pairing = PairingLifetime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await (
                from d in db.Set<KioskDevice>().AsNoTracking()
                join u in db.Users on d.CreatedBy equals u.Id into creators
                from u in creators.DefaultIfEmpty()
                select new { Device = d, Email = u != null ? u.Email : null })
            .ToListAsync(ct);
        return rows
            .Select(r => new KioskStationRow(
                r.Device.Id, r.Device.Name, r.Device.CreatedAt, r.Email ?? r.Device.CreatedBy, r.Device.LastSeenAt, r.Device.RevokedAt,
                StateOf(r.Device, now, pairing), KioskTokens.IsPairing(r.Device.TokenHash) ? r.Device.CreatedAt + pairing : null))
            .OrderBy(r => r.State == KioskStationState.Revoked).ThenBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase)
            .ThenByDescending(r => r.CreatedAt)
            .ToList();
    }

    /// <summary>A station for the browser the librarian is on: the returned device token goes straight into its localStorage.</summary>
    public Task<KioskAuthorization> AuthorizeThisBrowserAsync(string name, Actor actor, CancellationToken ct)
    {
        var token = KioskTokens.NewDeviceToken();
        return AddAsync(name, actor, KioskTokens.HashOfDeviceToken(token), token, "this-browser", pairingExpiresAt: null, ct);
    }

    /// <summary>A station that is paired later: the one-time code is typed (or its link opened) on the station within the pairing time.</summary>
    public Task<KioskAuthorization> AuthorizeWithCodeAsync(string name, Actor actor, CancellationToken ct)
    {
        var code = KioskTokens.NewPairingCode();
        return AddAsync(name, actor, KioskTokens.HashOfPairingCode(code), code, "pairing-code", clock.GetUtcNow() + PairingLifetime, ct);
    }

    /// <summary>Exchanges a one-time pairing code for the station's device token; null when the code is unknown, used, expired or revoked.</summary>
    public Task<string?> RedeemPairingCodeAsync(string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code) || KioskTokens.NormalizeCode(code).Length is < 8 or > 20)
        {
            return Task.FromResult<string?>(null);
        }

        var hash = KioskTokens.HashOfPairingCode(code);
        return writer.ExecuteAsync<string?>(async (db, token) =>
        {
            var now = clock.GetUtcNow();
            var device = await db.Set<KioskDevice>().SingleOrDefaultAsync(d => d.TokenHash == hash, token);
            if (device is null || device.RevokedAt is not null || device.CreatedAt + PairingLifetime < now)
            {
                return null;
            }

            var deviceToken = KioskTokens.NewDeviceToken();
            device.TokenHash = KioskTokens.HashOfDeviceToken(deviceToken);
            device.LastSeenAt = now;
            return deviceToken;
        }, ct);
    }

    /// <summary>The station a device token belongs to, and notes that it was seen; null for anything else.</summary>
    public async Task<KioskStation?> FindAsync(string? deviceToken, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(deviceToken) || deviceToken.Length > 200)
        {
            return null;
        }

        var hash = KioskTokens.HashOfDeviceToken(deviceToken);
        KioskDevice? device;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            device = await db.Set<KioskDevice>().AsNoTracking().SingleOrDefaultAsync(d => d.TokenHash == hash && d.RevokedAt == null, ct);
        }

        if (device is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        if (device.LastSeenAt is not { } seen || now - seen >= SeenResolution)
        {
            await writer.ExecuteAsync(async (db, token) =>
                await db.Set<KioskDevice>().Where(d => d.Id == device.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.LastSeenAt, now), token), ct);
        }

        return new KioskStation(device.Id, device.Name);
    }

    public Task RevokeAsync(Guid id, Actor actor, CancellationToken ct) =>
        writer.ExecuteAsync(async (db, token) =>
        {
            var device = await db.Set<KioskDevice>().SingleOrDefaultAsync(d => d.Id == id, token) ?? throw new NotFoundException("Kiosk", id.ToString());
            if (device.RevokedAt is not null)
            {
                return false;
            }

            var before = new KioskDeviceSnapshot(device.Name, HowOf(device), null);
            device.RevokedAt = clock.GetUtcNow();
            audit.Record(db, actor, AuditActions.KioskRevoked, device.Id.ToString(), device.Name, before, before with { RevokedAt = device.RevokedAt });
            return true;
        }, ct);

    private TimeSpan PairingLifetime => TimeSpan.FromMinutes(Math.Max(1, options.Value.PairingMinutes));

    private Task<KioskAuthorization> AddAsync(
        string name, Actor actor, string tokenHash, string secret, string how, DateTimeOffset? pairingExpiresAt, CancellationToken ct)
    {
        name = name.Trim();
        if (name.Length is 0 or > MaxNameLength)
        {
            throw new ArgumentException($"A station name is 1 to {MaxNameLength} characters.", nameof(name));
        }

        return writer.ExecuteAsync(async (db, token) =>
        {
            var device = new KioskDevice
            {
                Id = Guid.CreateVersion7(),
                Name = name,
                TokenHash = tokenHash,
                CreatedAt = clock.GetUtcNow(),
                CreatedBy = actor.UserId,
            };
            db.Set<KioskDevice>().Add(device);
            audit.Record(db, actor, AuditActions.KioskAuthorized, device.Id.ToString(), name, null, new KioskDeviceSnapshot(name, how, null));
            await Task.CompletedTask;
            return new KioskAuthorization(device.Id, name, secret, pairingExpiresAt);
        }, ct);
    }

    private static string HowOf(KioskDevice device) => KioskTokens.IsPairing(device.TokenHash) ? "pairing-code" : "device-token";

    private static KioskStationState StateOf(KioskDevice device, DateTimeOffset now, TimeSpan pairing) =>
        device.RevokedAt is not null ? KioskStationState.Revoked
        : !KioskTokens.IsPairing(device.TokenHash) ? KioskStationState.Active
        : device.CreatedAt + pairing < now ? KioskStationState.PairingExpired
        : KioskStationState.WaitingForPairing;
}
