namespace Library.Web.Infrastructure.Persistence;

/// <summary>Brings the store's schema up to date at start-up (one implementation per provider).</summary>
internal interface IStoreMigrator
{
    Task MigrateAsync(CancellationToken cancellationToken);
}
