namespace Library.Web.Features.Kiosk;

internal enum KioskStationState { Active, WaitingForPairing, PairingExpired, Revoked }

/// <summary>A station as the librarians' list shows it.</summary>
internal sealed record KioskStationRow(
    Guid Id, string Name, DateTimeOffset CreatedAt, string CreatedByEmail, DateTimeOffset? LastSeenAt, DateTimeOffset? RevokedAt,
    KioskStationState State, DateTimeOffset? PairingExpiresAt);

/// <summary>The station a kiosk page runs on, once its device token checked out.</summary>
internal sealed record KioskStation(Guid Id, string Name);

/// <summary>A new station and the secret to hand to it once: a device token (this browser) or a one-time pairing code.</summary>
internal sealed record KioskAuthorization(Guid Id, string Name, string Secret, DateTimeOffset? PairingExpiresAt);

internal sealed record KioskDeviceSnapshot(string Name, string How, DateTimeOffset? RevokedAt);
