using System.Security.Claims;

namespace Library.Web.Infrastructure.Identity;

public static class ClaimsPrincipalExtensions
{
    public static string? PatronId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(LibraryClaimsPrincipalFactory.DisplayNameClaim) ?? user.Identity?.Name ?? string.Empty;
}
