using System.Collections.Frozen;

namespace Library.Web.Infrastructure.Identity.Passwords;

/// <summary>The 10,000 most common passwords (embedded resource; source and licence beside the list).</summary>
internal static class CommonPasswords
{
    private static readonly Lazy<FrozenSet<string>> List = new(Load);

    public static bool Contains(string password) => List.Value.Contains(password.Trim());

    public static int Count => List.Value.Count;

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream("Library.Web.CommonPasswords.txt")
            ?? throw new InvalidOperationException("The common-passwords resource is missing.");
        using var reader = new StreamReader(stream);
        var words = new List<string>(10_000);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                words.Add(line);
            }
        }

        return words.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}
