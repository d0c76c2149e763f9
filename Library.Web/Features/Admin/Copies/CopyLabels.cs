using Library.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Library.Web.Features.Admin.Copies;

/// <summary>Section <c>Labels</c>: what the printed barcode labels say besides the copy.</summary>
public sealed class LabelOptions
{
    public const string Section = "Labels";

    /// <summary>The first line of every label; empty: the app's name ("Library" / "도서관").</summary>
    public string? LibraryName { get; set; }
}

/// <summary>What one printed label carries.</summary>
public sealed record CopyLabel(int CopyId, string Barcode, string Title, string? Location);

/// <summary>The copies to print labels for, chosen by id (the copies page's selection) or all copies of a title.</summary>
internal sealed class CopyLabels(IDbContextFactory<LibraryDbContext> dbFactory, IOptions<LabelOptions> options)
{
    /// <summary>One request prints at most this many labels (about 21 A4 sheets of 24).</summary>
    public const int MaxLabels = 500;

    public string? LibraryName => string.IsNullOrWhiteSpace(options.Value.LibraryName) ? null : options.Value.LibraryName.Trim();

    public async Task<IReadOnlyList<CopyLabel>> ForAsync(IReadOnlyCollection<int> copyIds, int? bookId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var copies = db.Copies.AsNoTracking();
        if (copyIds.Count > 0)
        {
            var ids = copyIds.Take(MaxLabels).ToList();
            copies = copies.Where(c => ids.Contains(c.Id));
        }
        else if (bookId is { } id)
        {
            copies = copies.Where(c => c.BookId == id);
        }
        else
        {
            return [];
        }

        return await (
                from c in copies
                join b in db.Books.AsNoTracking() on c.BookId equals b.Id
                orderby b.Title, c.Barcode
                select new CopyLabel(c.Id, c.Barcode, b.Title, c.Location))
            .Take(MaxLabels)
            .ToListAsync(ct);
    }
}
