using System.Runtime.CompilerServices;
using Library.Domain.Catalog;
using Library.Web.Features.Catalog;
using Library.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Library.Web.Features.Admin.Books;

public enum BookStatusFilter
{
    Active = 0,
    Archived = 1,
    All = 2,
}

public sealed record AdminBookRow(
    int Id, string Title, string Author, string Isbn, string? Publisher, int? Year, string? Description,
    int TotalCopies, int AvailableCopies, bool IsArchived, long? ReplacementCost = null)
{
    public int CopiesOnLoan => TotalCopies - AvailableCopies;

    public BookInput ToInput() => new()
    {
        Title = Title, Author = Author, Isbn = Isbn, Publisher = Publisher, Year = Year, Description = Description, TotalCopies = TotalCopies,
        ReplacementCost = ReplacementCost,
    };
}

/// <summary>The admin book list: archived titles included on request, every column sortable, paged in the database.</summary>
internal sealed class AdminBookQueries(IDbContextFactory<LibraryDbContext> dbFactory)
{
    public static readonly string[] SortColumns =
        [nameof(AdminBookRow.Title), nameof(AdminBookRow.Author), nameof(AdminBookRow.Isbn), nameof(AdminBookRow.Year),
         nameof(AdminBookRow.TotalCopies), nameof(AdminBookRow.AvailableCopies), nameof(AdminBookRow.CopiesOnLoan)];

    public async Task<PagedResult<AdminBookRow>> SearchAsync(
        string? search, BookStatusFilter status, bool onLoanOnly, string? sortBy, bool descending, int page, int pageSize,
        CancellationToken cancellationToken)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 100);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = Filtered(db.Books.AsNoTracking(), search, status, onLoanOnly);
        var total = await query.CountAsync(cancellationToken);
        var items = await Sort(query, sortBy, descending)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(b => new AdminBookRow(b.Id, b.Title, b.Author, b.Isbn, b.Publisher, b.Year, b.Description, b.TotalCopies, b.AvailableCopies, b.IsArchived, b.ReplacementCost))
            .ToListAsync(cancellationToken);
        return new PagedResult<AdminBookRow>(items, total, page, pageSize);
    }

    /// <summary>Every title matching the filters, by title, read as it is written out (the CSV export).</summary>
    public async IAsyncEnumerable<AdminBookRow> StreamAsync(
        string? search, BookStatusFilter status, bool onLoanOnly, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = Filtered(db.Books.AsNoTracking(), search, status, onLoanOnly).OrderBy(b => b.Title).ThenBy(b => b.Id)
            .Select(b => new AdminBookRow(b.Id, b.Title, b.Author, b.Isbn, b.Publisher, b.Year, b.Description, b.TotalCopies, b.AvailableCopies, b.IsArchived, b.ReplacementCost))
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }

    public async Task<AdminBookRow?> FindAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Books.AsNoTracking().Where(b => b.Id == id)
            .Select(b => new AdminBookRow(b.Id, b.Title, b.Author, b.Isbn, b.Publisher, b.Year, b.Description, b.TotalCopies, b.AvailableCopies, b.IsArchived, b.ReplacementCost))
            .SingleOrDefaultAsync(cancellationToken);
    }

    private static IQueryable<Book> Filtered(IQueryable<Book> query, string? search, BookStatusFilter status, bool onLoanOnly)
    {
        query = status switch
        {
            BookStatusFilter.Active => query.Where(b => !b.IsArchived),
            BookStatusFilter.Archived => query.Where(b => b.IsArchived),
            _ => query,
        };
        if (onLoanOnly)
        {
            query = query.Where(b => b.AvailableCopies < b.TotalCopies);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            var isbn = Isbn.TryNormalize(term, out var normalized) ? normalized : term.Replace("-", string.Empty);
            query = query.WhereAnyContainsOr(term, b => b.Isbn.StartsWith(isbn), b => b.Title, b => b.Author, b => b.Publisher);
        }

        return query;
    }

    private static IQueryable<Book> Sort(IQueryable<Book> query, string? sortBy, bool descending) => (sortBy, descending) switch
    {
        (nameof(AdminBookRow.Author), false) => query.OrderBy(b => b.Author).ThenBy(b => b.Title),
        (nameof(AdminBookRow.Author), true) => query.OrderByDescending(b => b.Author).ThenBy(b => b.Title),
        (nameof(AdminBookRow.Isbn), false) => query.OrderBy(b => b.Isbn),
        (nameof(AdminBookRow.Isbn), true) => query.OrderByDescending(b => b.Isbn),
        (nameof(AdminBookRow.Year), false) => query.OrderBy(b => b.Year).ThenBy(b => b.Title),
        (nameof(AdminBookRow.Year), true) => query.OrderByDescending(b => b.Year).ThenBy(b => b.Title),
        (nameof(AdminBookRow.TotalCopies), false) => query.OrderBy(b => b.TotalCopies).ThenBy(b => b.Title),
        (nameof(AdminBookRow.TotalCopies), true) => query.OrderByDescending(b => b.TotalCopies).ThenBy(b => b.Title),
        (nameof(AdminBookRow.AvailableCopies), false) => query.OrderBy(b => b.AvailableCopies).ThenBy(b => b.Title),
        (nameof(AdminBookRow.AvailableCopies), true) => query.OrderByDescending(b => b.AvailableCopies).ThenBy(b => b.Title),
        (nameof(AdminBookRow.CopiesOnLoan), false) => query.OrderBy(b => b.TotalCopies - b.AvailableCopies).ThenBy(b => b.Title),
        (nameof(AdminBookRow.CopiesOnLoan), true) => query.OrderByDescending(b => b.TotalCopies - b.AvailableCopies).ThenBy(b => b.Title),
        (_, true) => query.OrderByDescending(b => b.Title).ThenByDescending(b => b.Id),
        _ => query.OrderBy(b => b.Title).ThenBy(b => b.Id),
    };
}
