using Library.Web.Features.Desk;
using Library.Web.Infrastructure.Identity;
using Library.Web.Infrastructure.Identity.SignIn;
using Microsoft.AspNetCore.Identity;

namespace Library.Web.Features.Kiosk;

internal enum KioskSignInOutcome { SignedIn, Failed, TooManyAttempts }

internal sealed record KioskSignInResult(KioskSignInOutcome Outcome, DeskPatron? Patron = null, TimeSpan? RetryAfter = null);

/// <summary>
/// A patron identifies at the kiosk with e-mail and password. The password is checked with lockout on and the sign-in
/// throttle (the station counts as the client address), but no cookie is issued: the kiosk session lives in the circuit
/// and ends with it.
/// </summary>
internal sealed class KioskSignIn(
    UserManager<LibraryUser> users, SignInManager<LibraryUser> signIn, ISignInThrottle throttle, DeskService desk, ILogger<KioskSignIn> logger)
{
    public async Task<KioskSignInResult> SignInAsync(KioskStation station, string? email, string? password, CancellationToken ct)
    {
        email = email?.Trim() ?? string.Empty;
        var address = "kiosk:" + station.Id;
        if (throttle.TryBegin(address, email) is { } wait)
        {
            return new KioskSignInResult(KioskSignInOutcome.TooManyAttempts, RetryAfter: wait);
        }

        var user = email.Length == 0 ? null : await users.FindByEmailAsync(email);
        if (user is null || string.IsNullOrEmpty(password))
        {
            // Same work as a wrong password, so timing does not tell which accounts exist.
            users.PasswordHasher.VerifyHashedPassword(new LibraryUser(), DummyHash, password ?? string.Empty);
            return new KioskSignInResult(KioskSignInOutcome.Failed);
        }

        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            if (result.IsLockedOut)
            {
                logger.LogWarning("Kiosk sign-in refused for a locked-out account at station {StationId}", station.Id);
            }

            return new KioskSignInResult(KioskSignInOutcome.Failed);
        }

        throttle.Succeeded(address, email);
        return new KioskSignInResult(KioskSignInOutcome.SignedIn, await desk.GetPatronAsync(user.Id, ct));
    }

    private string DummyHash => _dummyHash ??= users.PasswordHasher.HashPassword(new LibraryUser(), Guid.NewGuid().ToString());

    private static string? _dummyHash;
}
