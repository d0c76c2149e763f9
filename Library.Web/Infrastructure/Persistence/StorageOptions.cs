namespace Library.Web.Infrastructure.Persistence;

/// <summary>
/// <c>Storage:DataDirectory</c>: where the node keeps its files (data-protection keys, the mail pickup folder, and the SQLite
/// database by default). Relative paths are taken from the content root; default <c>data</c>.
/// </summary>
internal static class StorageOptions
{
    public const string DataDirectoryKey = "Storage:DataDirectory";

    public static string DataDirectory(IConfiguration configuration, string contentRoot)
    {
        var configured = configuration[DataDirectoryKey];
        var path = string.IsNullOrWhiteSpace(configured) ? "data" : configured;
        return Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(contentRoot, path));
    }
}
