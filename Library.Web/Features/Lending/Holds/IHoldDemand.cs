using Library.Web.Infrastructure.Persistence;

namespace Library.Web.Features.Lending.Holds;

/// <summary>Whether other patrons are waiting for a title: a renewal is refused when one waits and no copy is free for them.</summary>
internal interface IHoldDemand
{
    /// <summary>True when a patron other than <paramref name="patronId"/> has a waiting hold on the title and no copy is free for them.</summary>
    Task<bool> IsWaitedForByOthersAsync(LibraryDbContext db, int bookId, string patronId, CancellationToken ct);
}
