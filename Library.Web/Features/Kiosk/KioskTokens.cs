using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Library.Web.Features.Kiosk;

/// <summary>Device tokens (256 random bits) and one-time pairing codes (50 bits, typeable), and the hashes the server keeps.</summary>
internal static class KioskTokens
{
    public const string PairingPrefix = "pair:";

    // Crockford-like: no 0/O, 1/I/L, U, so a code read aloud or typed on a station is hard to get wrong.
    private const string CodeAlphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int CodeLength = 10;

    public static string NewDeviceToken() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string NewPairingCode()
    {
        var chars = new char[CodeLength];
        for (var i = 0; i < CodeLength; i++)
        {
            chars[i] = CodeAlphabet[RandomNumberGenerator.GetInt32(CodeAlphabet.Length)];
        }

        return new string(chars, 0, 5) + "-" + new string(chars, 5, 5);
    }

    public static string HashOfDeviceToken(string token) => Sha256(token.Trim());

    public static string HashOfPairingCode(string code) => PairingPrefix + Sha256(NormalizeCode(code));

    public static bool IsPairing(string tokenHash) => tokenHash.StartsWith(PairingPrefix, StringComparison.Ordinal);

    /// <summary>Upper case, dashes and spaces removed: "abcde fghjk" and "ABCDE-FGHJK" are the same code.</summary>
    public static string NormalizeCode(string code) =>
        new(code.ToUpperInvariant().Where(c => c is not ('-' or ' ')).ToArray());

    private static string Sha256(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
