using Library.Web.Infrastructure.Persistence;

namespace Library.Web.Features.Lending.Holds;

/// <summary>Placeholder until holds exist: nobody waits.</summary>
internal sealed class NoHoldDemand : IHoldDemand
{
    public Task<bool> IsWaitedForByOthersAsync(LibraryDbContext db, int bookId, string patronId, CancellationToken ct) => Task.FromResult(false);
}
