using System.Runtime.CompilerServices;
using Library.Domain.Lending;
using Library.Web.Features.Catalog;
using Library.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Library.Web.Features.Admin.Audit;

public sealed record AuditEntryDto(
    Guid Id, DateTimeOffset At, string ActorId, string ActorEmail, string Action, string EntityType, string EntityId,
    string? Summary, string? Before, string? After)
{
    /// <summary>The book and patron the entry is about, resolved when the page is read (null for unknown entity types).</summary>
    public AuditSubject? Subject { get; init; }
}

/// <param name="Actor">Part of the librarian's e-mail.</param>
/// <param name="From">First library-local day to include.</param>
/// <param name="To">Last library-local day to include.</param>
public sealed record AuditFilter(
    string? Actor = null, string? EntityType = null, string? EntityId = null, string? Action = null, DateOnly? From = null, DateOnly? To = null);

internal sealed class AuditQueries(IDbContextFactory<LibraryDbContext> dbFactory, LibraryCalendar calendar)
{
    public async Task<PagedResult<AuditEntryDto>> SearchAsync(AuditFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 100);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = Filtered(db, filter);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(a => a.At)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(a => new AuditEntryDto(a.Id, a.At, a.ActorId, a.ActorEmail, a.Action, a.EntityType, a.EntityId, a.Summary, a.Before, a.After))
            .ToListAsync(cancellationToken);
        return new PagedResult<AuditEntryDto>(await AuditSubjects.ResolveAsync(db, items, cancellationToken), total, page, pageSize);
    }

    /// <summary>Every entry matching the filter, newest first, read as it is written out (the CSV export; subjects not resolved).</summary>
    public async IAsyncEnumerable<AuditEntryDto> StreamAsync(AuditFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = Filtered(db, filter).OrderByDescending(a => a.At).ThenBy(a => a.Id)
            .Select(a => new AuditEntryDto(a.Id, a.At, a.ActorId, a.ActorEmail, a.Action, a.EntityType, a.EntityId, a.Summary, a.Before, a.After))
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }

    private IQueryable<AuditEntry> Filtered(LibraryDbContext db, AuditFilter filter)
    {
        var query = db.Set<AuditEntry>().AsNoTracking();
        query = query.WhereAnyContains(filter.Actor, a => a.ActorEmail);

        if (!string.IsNullOrWhiteSpace(filter.EntityType))
        {
            query = query.Where(a => a.EntityType == filter.EntityType);
        }

        if (!string.IsNullOrWhiteSpace(filter.EntityId))
        {
            query = query.Where(a => a.EntityId == filter.EntityId.Trim());
        }

        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            query = query.Where(a => a.Action == filter.Action);
        }

        if (filter.From is { } from)
        {
            var start = calendar.StartOf(from);
            query = query.Where(a => a.At >= start);
        }

        if (filter.To is { } to)
        {
            var end = calendar.StartOf(to.AddDays(1));
            query = query.Where(a => a.At < end);
        }

        return query;
    }
}
