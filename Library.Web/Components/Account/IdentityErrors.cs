using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Library.Web.Components.Account;

internal static class IdentityErrors
{
    /// <summary>Identity's error in the UI language ("Identity.{Code}"), or its English description when we have no text for it.</summary>
    public static string Describe(IStringLocalizer<AccountText> text, IdentityError error)
    {
        var localized = text["Identity." + error.Code];
        return localized.ResourceNotFound ? error.Description : localized.Value;
    }
}
