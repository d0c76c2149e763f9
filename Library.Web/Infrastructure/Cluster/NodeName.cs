namespace Library.Web.Infrastructure.Cluster;

/// <summary>
/// This node's name (<c>Cluster:NodeName</c>), shown on the Jobs page beside each run and used as the Quartz scheduler's
/// instance id, so it must differ between nodes. Default: host name and process id (<c>library-7f9c/1</c> in a pod,
/// <c>build-box/48213</c> on a machine running two nodes): readable, and stable for the life of the process.
/// </summary>
internal sealed record NodeName(string Value)
{
    public const string Key = "Cluster:NodeName";

    /// <summary>Quartz stores instance ids in columns of 200 characters.</summary>
    public const int MaxLength = 200;

    public static NodeName From(IConfiguration configuration)
    {
        var configured = configuration[Key];
        var name = string.IsNullOrWhiteSpace(configured) ? $"{Environment.MachineName}/{Environment.ProcessId}" : configured.Trim();
        return new NodeName(name.Length > MaxLength ? name[..MaxLength] : name);
    }

    public override string ToString() => Value;
}
