namespace Library.Web.Infrastructure.Persistence;

/// <summary>Brings the store's schema up to date at start-up (one implementation per provider).</summary>
internal interface IStoreMigrator
{
    /// <summary>
    /// Migrates, then runs <paramref name="seed"/> (roles, demo data, first librarian) while still holding the store's
    /// start-up lock where there is one, so two nodes starting together neither both migrate nor both seed.
    /// </summary>
    Task MigrateAsync(Func<Task> seed, CancellationToken cancellationToken);
}
