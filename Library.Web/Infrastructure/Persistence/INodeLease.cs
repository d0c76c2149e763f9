namespace Library.Web.Infrastructure.Persistence;

/// <summary>
/// Held for the node's lifetime so nodes that must not share a database find out at start-up: a single node (no
/// ConnectionStrings:Redis) wants the database to itself, cluster nodes share it with each other only.
/// </summary>
internal interface INodeLease
{
    /// <summary>Throws <see cref="StartupConfigurationException"/> when another node's kind rules this one out.</summary>
    Task ClaimAsync(bool clustered, CancellationToken cancellationToken);
}

/// <summary>A SQLite file never has cluster nodes (refused at start-up), and two processes on one file are serialized by its lock.</summary>
internal sealed class NoNodeLease : INodeLease
{
    public Task ClaimAsync(bool clustered, CancellationToken cancellationToken) => Task.CompletedTask;
}
