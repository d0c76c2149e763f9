using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Library.Web.Infrastructure.Identity.SignIn;

/// <summary>
/// Identity's sign-in manager, except that a sign-in for an unknown or locked account still verifies a password hash, so
/// those failures take as long as a wrong password and timing does not tell which accounts exist.
/// </summary>
internal sealed class LibrarySignInManager(
    UserManager<LibraryUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<LibraryUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<LibraryUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<LibraryUser> confirmation)
    : SignInManager<LibraryUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    private static string? _dummyHash;

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            VerifyDummy(password);
            return SignInResult.Failed;
        }

        if (UserManager.SupportsUserLockout && await UserManager.IsLockedOutAsync(user))
        {
            VerifyDummy(password);
            return SignInResult.LockedOut;
        }

        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    private void VerifyDummy(string password)
    {
        var probe = new LibraryUser();
        _dummyHash ??= UserManager.PasswordHasher.HashPassword(probe, Guid.NewGuid().ToString());
        UserManager.PasswordHasher.VerifyHashedPassword(probe, _dummyHash, password ?? string.Empty);
    }
}
