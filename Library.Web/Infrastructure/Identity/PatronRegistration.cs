using Microsoft.AspNetCore.Identity;

namespace Library.Web.Infrastructure.Identity;

/// <summary>
/// Self-registration for the sign-up page and POST /api/auth/register alike: a patron account with a display name.
/// An address that already has an account gets the same answer as a new one (no account is created or changed; the owner
/// is e-mailed instead), so registration does not tell anyone which addresses have accounts.
/// </summary>
internal sealed class PatronRegistration(UserManager<LibraryUser> users, AccountMailer mailer, ILogger<PatronRegistration> logger)
{
    public const int MaxDisplayNameLength = 100;

    /// <param name="signInUrl">Absolute URL of the sign-in page, for the e-mail to an existing account's owner.</param>
    public async Task<IdentityResult> RegisterAsync(string email, string password, string? displayName, string signInUrl)
    {
        email = email.Trim();
        var name = string.IsNullOrWhiteSpace(displayName) ? email.Split('@')[0] : displayName.Trim();
        var user = new LibraryUser
        {
            UserName = email,
            Email = email,
            DisplayName = name.Length > MaxDisplayNameLength ? name[..MaxDisplayNameLength] : name,
            EmailConfirmed = true,
        };

        // The password is judged first, the same way for new and existing addresses.
        var passwordErrors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            var checkedPassword = await validator.ValidateAsync(users, user, password);
            passwordErrors.AddRange(checkedPassword.Errors);
        }

        if (passwordErrors.Count > 0)
        {
            return IdentityResult.Failed([.. passwordErrors]);
        }

        if (await users.FindByEmailAsync(email) is { } owner)
        {
            return AlreadyRegistered(owner, password, signInUrl);
        }

        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            if (created.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName")
                && await users.FindByEmailAsync(email) is { } raced)
            {
                return AlreadyRegistered(raced, password, signInUrl);
            }

            return IdentityResult.Failed([.. created.Errors.DistinctBy(e => e.Code)]);
        }

        await users.AddToRoleAsync(user, Roles.Patron);
        logger.LogInformation("Patron {UserId} registered", user.Id);
        return IdentityResult.Success;
    }

    private IdentityResult AlreadyRegistered(LibraryUser owner, string password, string signInUrl)
    {
        // A new account costs a password hash; so does this answer.
        users.PasswordHasher.HashPassword(owner, password);
        mailer.SendAlreadyRegistered(owner, signInUrl);
        logger.LogInformation("Registration attempted for the existing account {UserId}; its owner was e-mailed", owner.Id);
        return IdentityResult.Success;
    }
}
