using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Library.Web.Components.Account;

/// <summary>Identity's tokens travel in links Base64Url-encoded (they contain '+', '/' and '=').</summary>
internal static class AccountTokens
{
    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    public static bool TryDecode(string? code, out string token)
    {
        token = string.Empty;
        try
        {
            token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code ?? string.Empty));
            return token.Length > 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
