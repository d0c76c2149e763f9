using System.Security.Cryptography;
using System.Text;

namespace Library.Web.Infrastructure.Identity.Setup;

/// <summary>
/// The one-time code that opens /setup while the library has no librarian. Printed in the log at start-up; gone (and the
/// page with it) as soon as a librarian exists. Kept in an <see cref="ISetupCodeStore"/>: this process, or on a cluster
/// Redis, so every node prints and accepts the same code and the page closes on all of them at once.
/// </summary>
internal sealed class SetupCode(ISetupCodeStore store)
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public SemaphoreSlim Gate { get; } = new(1, 1);

    public bool IsOpen => store.Current is not null;

    /// <returns>The code in force: a new one, or the one another node opened first.</returns>
    public string Open()
    {
        var code = RandomNumberGenerator.GetString(Alphabet, 16);
        return store.OpenWith(string.Join('-', code.Chunk(4).Select(c => new string(c))));
    }

    public void Close() => store.Close();

    /// <summary>Constant-time comparison (ignoring case, spaces and hyphens the reader may add or drop).</summary>
    public bool Matches(string? candidate)
    {
        var expected = store.Current;
        if (expected is null || candidate is null)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(Normalize(expected)), Encoding.UTF8.GetBytes(Normalize(candidate)));
    }

    private static string Normalize(string code) =>
        new(code.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
}

/// <summary>Where the setup code lives.</summary>
internal interface ISetupCodeStore
{
    /// <summary>The open code, or null when setup is closed.</summary>
    string? Current { get; }

    /// <summary>Opens setup with <paramref name="candidate"/> unless a code is open already; returns the code in force.</summary>
    string OpenWith(string candidate);

    void Close();
}

internal sealed class InProcessSetupCodeStore : ISetupCodeStore
{
    private volatile string? _code;

    public string? Current => _code;

    public string OpenWith(string candidate) => Interlocked.CompareExchange(ref _code, candidate, null) ?? candidate;

    public void Close() => _code = null;
}
