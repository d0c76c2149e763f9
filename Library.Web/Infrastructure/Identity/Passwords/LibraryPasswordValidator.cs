using Microsoft.AspNetCore.Identity;

namespace Library.Web.Infrastructure.Identity.Passwords;

/// <summary>
/// Beyond Identity's minimum length: at most <see cref="MaxLength"/> characters, not the account's e-mail address, not one
/// of the 10,000 most common passwords. Error codes are localized as "Identity.{Code}".
/// </summary>
internal sealed class LibraryPasswordValidator : IPasswordValidator<LibraryUser>
{
    public const int MinLength = 12;
    public const int MaxLength = 128;
    public const string TooLong = "PasswordTooLong";
    public const string IsEmail = "PasswordIsEmail";
    public const string IsCommon = "PasswordIsCommon";

    public Task<IdentityResult> ValidateAsync(UserManager<LibraryUser> manager, LibraryUser user, string? password)
    {
        password ??= string.Empty;
        var errors = new List<IdentityError>();
        if (password.Length > MaxLength)
        {
            errors.Add(new IdentityError { Code = TooLong, Description = $"Passwords must be at most {MaxLength} characters." });
        }

        if (IsAccountAddress(password, user))
        {
            errors.Add(new IdentityError { Code = IsEmail, Description = "The password must not be your e-mail address." });
        }
        else if (CommonPasswords.Contains(password))
        {
            errors.Add(new IdentityError { Code = IsCommon, Description = "This password is one of the most common ones; choose another." });
        }

        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    private static bool IsAccountAddress(string password, LibraryUser user)
    {
        var trimmed = password.Trim();
        return trimmed.Length > 0
            && (string.Equals(trimmed, user.Email?.Trim(), StringComparison.OrdinalIgnoreCase)
                || string.Equals(trimmed, user.UserName?.Trim(), StringComparison.OrdinalIgnoreCase));
    }
}
