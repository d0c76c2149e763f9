namespace Library.Tests.TestSupport;

/// <summary>The repository checkout the tests run from (the folder holding Library.sln).</summary>
public static class RepoRoot
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Library.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Library.sln above {AppContext.BaseDirectory}");
    });

    public static string Directory => Root.Value;

    public static string PathOf(params string[] parts) => Path.Combine([Root.Value, .. parts]);

    public static string Read(params string[] parts) => File.ReadAllText(PathOf(parts));
}
