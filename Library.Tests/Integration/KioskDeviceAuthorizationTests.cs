using Library.Web.Features.Admin;
using Library.Web.Features.Admin.Audit;
using Library.Web.Features.Kiosk;
using Library.Tests.Admin;
using Library.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Library.Tests.Integration;

/// <summary>
/// A kiosk opens only for the device token a librarian handed to that browser: the server keeps its hash alone; an unknown,
/// revoked or pairing value opens nothing; a one-time code works once.
/// </summary>
public sealed class KioskDeviceAuthorizationTests(LibraryApp app) : IClassFixture<LibraryApp>
{
    [Fact]
    public async Task Authorising_a_browser_stores_only_the_hash_of_its_token_and_the_token_finds_the_station()
    {
        var authorization = await WithDevicesAsync(async (devices, librarian) => await devices.AuthorizeThisBrowserAsync("  Front hall  ", librarian, CancellationToken.None));

        Assert.Equal("Front hall", authorization.Name);
        Assert.True(authorization.Secret.Length >= 40, "a device token has at least 256 bits");
        var row = await app.WithDbAsync(db => db.Set<KioskDevice>().AsNoTracking().SingleAsync(d => d.Id == authorization.Id));
        Assert.Equal(KioskTokens.HashOfDeviceToken(authorization.Secret), row.TokenHash);
        Assert.DoesNotContain(authorization.Secret, row.TokenHash + row.Name + row.CreatedBy);
        Assert.Equal(64, row.TokenHash.Length);

        var station = await WithDevicesAsync((devices, _) => devices.FindAsync(authorization.Secret, CancellationToken.None));
        Assert.Equal(new KioskStation(authorization.Id, "Front hall"), station);
        var seen = await app.WithDbAsync(db => db.Set<KioskDevice>().AsNoTracking().Where(d => d.Id == authorization.Id).Select(d => d.LastSeenAt).SingleAsync());
        Assert.NotNull(seen);

        var audit = await app.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking().Where(a => a.EntityId == authorization.Id.ToString()).ToListAsync());
        var entry = Assert.Single(audit);
        Assert.Equal(AuditActions.KioskAuthorized, entry.Action);
        Assert.Equal(LibraryApp.LibrarianEmail, entry.ActorEmail);
        Assert.DoesNotContain(authorization.Secret, entry.After);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("tgDq8V5wTQJ6o0jvDWn8WmW3Qd8u5tEHjf2V0CwKqG4")]
    public async Task An_unknown_or_missing_token_opens_nothing(string? token)
    {
        await WithDevicesAsync((devices, librarian) => devices.AuthorizeThisBrowserAsync("Another station", librarian, CancellationToken.None));

        Assert.Null(await WithDevicesAsync((devices, _) => devices.FindAsync(token, CancellationToken.None)));
    }

    [Fact]
    public async Task A_revoked_station_opens_nothing_and_the_revocation_is_audited()
    {
        var authorization = await WithDevicesAsync((devices, librarian) => devices.AuthorizeThisBrowserAsync("Upstairs", librarian, CancellationToken.None));
        await WithDevicesAsync(async (devices, librarian) =>
        {
            await devices.RevokeAsync(authorization.Id, librarian, CancellationToken.None);
            return true;
        });

        Assert.Null(await WithDevicesAsync((devices, _) => devices.FindAsync(authorization.Secret, CancellationToken.None)));
        var rows = await WithDevicesAsync((devices, _) => devices.ListAsync(CancellationToken.None));
        Assert.Equal(KioskStationState.Revoked, rows.Single(r => r.Id == authorization.Id).State);
        Assert.True(await app.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(a => a.EntityId == authorization.Id.ToString() && a.Action == AuditActions.KioskRevoked)));
    }

    [Fact]
    public async Task A_one_time_code_is_not_a_device_token_and_pairs_a_station_once()
    {
        var pairing = await WithDevicesAsync((devices, librarian) => devices.AuthorizeWithCodeAsync("Children's corner", librarian, CancellationToken.None));
        Assert.Matches("^[2-9A-Z]{5}-[2-9A-Z]{5}$", pairing.Secret);
        var listed = await WithDevicesAsync((devices, _) => devices.ListAsync(CancellationToken.None));
        Assert.Equal(KioskStationState.WaitingForPairing, listed.Single(r => r.Id == pairing.Id).State);

        // Stored in localStorage by hand, the code opens nothing.
        Assert.Null(await WithDevicesAsync((devices, _) => devices.FindAsync(pairing.Secret, CancellationToken.None)));

        // Typed on the station (any case, with or without the dash) it becomes a device token; a second use fails.
        var token = await WithDevicesAsync((devices, _) => devices.RedeemPairingCodeAsync(pairing.Secret.ToLowerInvariant().Replace("-", " "), CancellationToken.None));
        Assert.NotNull(token);
        Assert.Equal(pairing.Id, (await WithDevicesAsync((devices, _) => devices.FindAsync(token, CancellationToken.None)))?.Id);
        Assert.Null(await WithDevicesAsync((devices, _) => devices.RedeemPairingCodeAsync(pairing.Secret, CancellationToken.None)));
        var row = await app.WithDbAsync(db => db.Set<KioskDevice>().AsNoTracking().SingleAsync(d => d.Id == pairing.Id));
        Assert.Equal(KioskTokens.HashOfDeviceToken(token!), row.TokenHash);
    }

    [Fact]
    public async Task A_code_for_a_revoked_station_does_not_pair()
    {
        var pairing = await WithDevicesAsync((devices, librarian) => devices.AuthorizeWithCodeAsync("Revoked before pairing", librarian, CancellationToken.None));
        await WithDevicesAsync(async (devices, librarian) =>
        {
            await devices.RevokeAsync(pairing.Id, librarian, CancellationToken.None);
            return true;
        });

        Assert.Null(await WithDevicesAsync((devices, _) => devices.RedeemPairingCodeAsync(pairing.Secret, CancellationToken.None)));
    }

    [Fact]
    public async Task Signing_in_at_a_kiosk_checks_the_password_with_lockout_and_finds_the_patron()
    {
        using var patron = await app.NewPatronAsync();
        var authorization = await WithDevicesAsync((devices, librarian) => devices.AuthorizeThisBrowserAsync("Sign-in station", librarian, CancellationToken.None));
        var station = new KioskStation(authorization.Id, authorization.Name);
        await using var scope = app.Services.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<KioskSignIn>();

        var wrong = await signIn.SignInAsync(station, patron.Email, "not the password at all", CancellationToken.None);
        Assert.Equal(KioskSignInOutcome.Failed, wrong.Outcome);
        Assert.Null(wrong.Patron);
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.Where(u => u.Id == patron.Id).Select(u => u.AccessFailedCount).SingleAsync()));

        var unknown = await signIn.SignInAsync(station, "nobody-" + Guid.NewGuid().ToString("N")[..6] + "@test.local", "whatever it is", CancellationToken.None);
        Assert.Equal(KioskSignInOutcome.Failed, unknown.Outcome);

        var right = await signIn.SignInAsync(station, patron.Email, AdminApi.NewPatronPassword, CancellationToken.None);
        Assert.Equal(KioskSignInOutcome.SignedIn, right.Outcome);
        Assert.Equal(patron.Id, right.Patron!.Id);
        Assert.Equal(0, await app.WithDbAsync(db => db.Users.Where(u => u.Id == patron.Id).Select(u => u.AccessFailedCount).SingleAsync()));
    }

    private async Task<T> WithDevicesAsync<T>(Func<KioskDevices, Actor, Task<T>> use)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var librarian = new Actor(await app.UserIdAsync(LibraryApp.LibrarianEmail), LibraryApp.LibrarianEmail);
        return await use(scope.ServiceProvider.GetRequiredService<KioskDevices>(), librarian);
    }
}

/// <summary>A pairing code stops working after Kiosk:PairingMinutes (own app: the test moves the clock).</summary>
public sealed class KioskPairingExpiryTests : IAsyncLifetime
{
    private readonly LibraryApp _app = new LibraryApp().With("Kiosk:PairingMinutes", "30");

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task A_code_older_than_the_pairing_time_does_not_pair_and_the_list_says_it_expired()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var devices = scope.ServiceProvider.GetRequiredService<KioskDevices>();
        var librarian = new Actor(await _app.UserIdAsync(LibraryApp.LibrarianEmail), LibraryApp.LibrarianEmail);
        var pairing = await devices.AuthorizeWithCodeAsync("Slow station", librarian, CancellationToken.None);

        _app.Clock.Advance(TimeSpan.FromMinutes(31));

        Assert.Null(await devices.RedeemPairingCodeAsync(pairing.Secret, CancellationToken.None));
        Assert.Equal(KioskStationState.PairingExpired, (await devices.ListAsync(CancellationToken.None)).Single(r => r.Id == pairing.Id).State);
    }
}
