using System.Security.Cryptography;
using System.Text;

namespace Library.Web.Infrastructure.Identity.Setup;

/// <summary>
/// The one-time code that opens /setup while the library has no librarian. Printed in the log at start-up; gone (and the
/// page with it) as soon as a librarian exists.
/// </summary>
internal sealed class SetupCode
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private volatile string? _code;

    public SemaphoreSlim Gate { get; } = new(1, 1);

    public bool IsOpen => _code is not null;

    public string Open()
    {
        var code = RandomNumberGenerator.GetString(Alphabet, 16);
        _code = string.Join('-', code.Chunk(4).Select(c => new string(c)));
        return _code;
    }

    public void Close() => _code = null;

    /// <summary>Constant-time comparison (ignoring case, spaces and hyphens the reader may add or drop).</summary>
    public bool Matches(string? candidate)
    {
        var expected = _code;
        if (expected is null || candidate is null)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(Normalize(expected)), Encoding.UTF8.GetBytes(Normalize(candidate)));
    }

    private static string Normalize(string code) =>
        new(code.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
}
