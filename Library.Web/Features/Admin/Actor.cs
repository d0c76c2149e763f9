using System.Security.Claims;
using Library.Web.Infrastructure.Identity;

namespace Library.Web.Features.Admin;

/// <summary>The librarian making an admin change, as recorded in the audit log.</summary>
public sealed record Actor(string UserId, string Email)
{
    /// <exception cref="UnauthorizedAccessException">The user is not a librarian (pages and endpoints check first; this is the backstop).</exception>
    public static Actor Librarian(ClaimsPrincipal user)
    {
        if (!user.IsInRole(Roles.Librarian) || user.PatronId() is not { } id)
        {
            throw new UnauthorizedAccessException("Only librarians make admin changes.");
        }

        return new Actor(id, user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? id);
    }
}
