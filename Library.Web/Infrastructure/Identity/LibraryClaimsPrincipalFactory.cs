using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Library.Web.Infrastructure.Identity;

/// <summary>Adds the display name so the layout can greet the patron without a database read.</summary>
internal sealed class LibraryClaimsPrincipalFactory(
    UserManager<LibraryUser> userManager, RoleManager<IdentityRole> roleManager, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<LibraryUser, IdentityRole>(userManager, roleManager, options)
{
    public const string DisplayNameClaim = "library:display_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(LibraryUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? string.Empty : user.DisplayName));
        return identity;
    }
}
