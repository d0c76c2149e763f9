using Library.Web.Features.Admin;
using Library.Web.Features.Admin.Audit;
using Library.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Library.Web.Features.Covers;

/// <summary>A librarian sets or removes a title's cover; each change is one transaction with its audit entry.</summary>
internal sealed class CoverService(
    DbWriter writer, IDbContextFactory<LibraryDbContext> dbFactory, CoverImages images, AuditLog audit, TimeProvider clock)
{
    /// <returns>The new cover version.</returns>
    /// <exception cref="InvalidCoverException">The upload is not a usable JPEG, PNG or WebP.</exception>
    public async Task<string> UploadAsync(int bookId, byte[] upload, Actor actor, CancellationToken cancellationToken)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (!await db.Books.AnyAsync(b => b.Id == bookId, cancellationToken))
            {
                throw new NotFoundException("Book", bookId);
            }
        }

        var thumbnails = images.Make(upload); // outside the write transaction: decoding takes milliseconds
        return await writer.ExecuteAsync(async (db, ct) =>
        {
            var book = await db.Books.SingleOrDefaultAsync(b => b.Id == bookId, ct) ?? throw new NotFoundException("Book", bookId);
            var cover = await db.Set<BookCover>().SingleOrDefaultAsync(c => c.BookId == bookId, ct);
            if (cover is null)
            {
                cover = new BookCover { BookId = bookId };
                db.Add(cover);
            }

            var now = clock.GetUtcNow();
            var before = book.CoverVersion is { } old ? new { Version = old } : null;
            (cover.Small, cover.Large, cover.ContentType, cover.Version, cover.UpdatedAt) =
                (thumbnails.Small, thumbnails.Large, CoverImages.ContentType, thumbnails.Version, now);
            book.SetCover(thumbnails.Version, now);
            audit.Record(db, actor, AuditActions.BookCoverChanged, bookId.ToString(), book.Title, before, new
            {
                thumbnails.Version,
                Uploaded = $"{thumbnails.SourceFormat} {thumbnails.SourceWidth}×{thumbnails.SourceHeight}, {upload.Length} bytes",
            });
            return thumbnails.Version;
        }, cancellationToken);
    }

    /// <returns>False when the title had no cover (nothing changed, nothing audited).</returns>
    public Task<bool> RemoveAsync(int bookId, Actor actor, CancellationToken cancellationToken) =>
        writer.ExecuteAsync(async (db, ct) =>
        {
            var book = await db.Books.SingleOrDefaultAsync(b => b.Id == bookId, ct) ?? throw new NotFoundException("Book", bookId);
            var removed = await db.Set<BookCover>().Where(c => c.BookId == bookId).ExecuteDeleteAsync(ct);
            if (removed == 0 && book.CoverVersion is null)
            {
                return false;
            }

            var before = new { Version = book.CoverVersion };
            book.SetCover(null, clock.GetUtcNow());
            audit.Record(db, actor, AuditActions.BookCoverRemoved, bookId.ToString(), book.Title, before, null);
            return true;
        }, cancellationToken);
}
