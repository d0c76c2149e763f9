using Library.Domain.Lending;
using Library.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Library.Web.Features.Lending;

/// <summary>When a title with none left gets a copy back: the earliest due date of its active loans (one query for many titles).</summary>
internal sealed class NextDueBackQuery(IDbContextFactory<LibraryDbContext> dbFactory)
{
    public async Task<IReadOnlyDictionary<int, DateTimeOffset>> ForBooksAsync(IReadOnlyCollection<int> bookIds, CancellationToken cancellationToken)
    {
        if (bookIds.Count == 0)
        {
            return new Dictionary<int, DateTimeOffset>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Grouped here: a title has few active loans, and the due dates are stored through a value converter.
        var loans = await db.Loans.AsNoTracking()
            .Where(l => bookIds.Contains(l.BookId) && l.Status == LoanStatus.Active)
            .Select(l => new { l.BookId, l.DueAt })
            .ToListAsync(cancellationToken);
        return loans.GroupBy(l => l.BookId).ToDictionary(g => g.Key, g => g.Min(l => l.DueAt));
    }

    public async Task<DateTimeOffset?> ForBookAsync(int bookId, CancellationToken cancellationToken) =>
        (await ForBooksAsync([bookId], cancellationToken)).TryGetValue(bookId, out var due) ? due : null;
}
