using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Library.Web.Infrastructure.Identity.Setup;

/// <summary>First-librarian settings (section "Setup"), e.g. from a Kubernetes Secret.</summary>
internal sealed class SetupOptions
{
    public const string Section = "Setup";
    public string? LibrarianEmail { get; set; }
    public string? LibrarianPassword { get; set; }
    public string? LibrarianName { get; set; }
}

/// <summary>
/// At start-up, when the library has no librarian: creates one from <see cref="SetupOptions"/>, or, without them, opens the
/// one-time /setup page with a code written to the log.
/// </summary>
internal sealed class FirstLibrarianSetup(
    UserManager<LibraryUser> users, IConfiguration configuration, SetupCode setupCode, ILogger<FirstLibrarianSetup> logger)
{
    public async Task<bool> HasLibrarianAsync() => (await users.GetUsersInRoleAsync(Roles.Librarian)).Count > 0;

    /// <returns>The setup code when the setup page was opened, otherwise null.</returns>
    public async Task<string?> RunAsync()
    {
        if (await HasLibrarianAsync())
        {
            setupCode.Close();
            return null;
        }

        var options = configuration.GetSection(SetupOptions.Section).Get<SetupOptions>() ?? new SetupOptions();
        if (!string.IsNullOrWhiteSpace(options.LibrarianEmail) && !string.IsNullOrEmpty(options.LibrarianPassword))
        {
            var result = await CreateLibrarianAsync(options.LibrarianEmail, options.LibrarianPassword, options.LibrarianName);
            if (result.Succeeded)
            {
                logger.LogInformation("Created the first librarian account {Email} from configuration (Setup:LibrarianEmail)", options.LibrarianEmail.Trim());
                return null;
            }

            logger.LogError("Could not create the first librarian from configuration: {Errors}",
                string.Join("; ", result.Errors.Select(e => e.Description)));
        }

        return setupCode.Open();
    }

    public async Task<IdentityResult> CreateLibrarianAsync(string email, string password, string? displayName)
    {
        email = email.Trim();
        var user = new LibraryUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? email.Split('@')[0] : displayName.Trim(),
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return created;
        }

        await users.AddToRolesAsync(user, [Roles.Patron, Roles.Librarian]);
        setupCode.Close();
        return IdentityResult.Success;
    }
}
