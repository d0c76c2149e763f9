using Microsoft.AspNetCore.Identity;

namespace Library.Web.Infrastructure.Identity;

public sealed class LibraryUser : IdentityUser
{
    public string DisplayName { get; set; } = string.Empty;
    public bool IsBlocked { get; set; }
    public string? BlockedReason { get; set; }
    /// <summary>The library card's number (printed as a barcode); given at sign-up, replaceable, unique.</summary>
    public string? CardNumber { get; set; }
    /// <summary>The patron turned auto-renewal off for their loans (only matters when the library has Lending:AutoRenew on).</summary>
    public bool AutoRenewOptedOut { get; set; }
}
