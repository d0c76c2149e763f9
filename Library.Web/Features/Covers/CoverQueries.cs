using Library.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Library.Web.Features.Covers;

public enum CoverSize
{
    Small,
    Large,
}

internal sealed record CoverFile(byte[] Bytes, string ContentType, string Version, DateTimeOffset UpdatedAt);

internal sealed class CoverQueries(IDbContextFactory<LibraryDbContext> dbFactory)
{
    /// <summary>One thumbnail (only its column is read), or null when the title has no cover.</summary>
    public async Task<CoverFile?> FindAsync(int bookId, CoverSize size, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var covers = db.Set<BookCover>().AsNoTracking().Where(c => c.BookId == bookId);
        return size == CoverSize.Small
            ? await covers.Select(c => new CoverFile(c.Small, c.ContentType, c.Version, c.UpdatedAt)).SingleOrDefaultAsync(cancellationToken)
            : await covers.Select(c => new CoverFile(c.Large, c.ContentType, c.Version, c.UpdatedAt)).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The version only (no image bytes), for the cover dialog.</summary>
    public async Task<string?> VersionAsync(int bookId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Books.Where(b => b.Id == bookId).Select(b => b.CoverVersion).SingleOrDefaultAsync(cancellationToken);
    }
}
