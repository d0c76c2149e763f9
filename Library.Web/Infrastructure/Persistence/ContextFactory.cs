using Microsoft.EntityFrameworkCore;

namespace Library.Web.Infrastructure.Persistence;

/// <summary>Hands out the provider's context type as the <see cref="LibraryDbContext"/> the app works with.</summary>
internal sealed class ContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<LibraryDbContext>
    where TContext : LibraryDbContext
{
    public LibraryDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<LibraryDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}
