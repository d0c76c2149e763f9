using System.Globalization;
using Library.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Library.Web.Features.Admin.Audit;

/// <summary>What an audit entry is about, as it is now: the book and the patron (either may be absent), or gone.</summary>
public sealed record AuditSubject(int? BookId, string? BookTitle, string? PatronId, string? PatronName, bool Deleted);

/// <summary>
/// Resolves a page of audit entries to book titles and patron names with a fixed number of queries (one per kind of entity),
/// whatever the page size: loan and fee entries name their book and patron too.
/// </summary>
internal static class AuditSubjects
{
    private sealed record Link(int BookId, string PatronId);

    public static async Task<IReadOnlyList<AuditEntryDto>> ResolveAsync(
        LibraryDbContext db, IReadOnlyList<AuditEntryDto> entries, CancellationToken cancellationToken)
    {
        var loanIds = GuidsOf(entries, "Loan");
        var feeIds = GuidsOf(entries, "Fee");
        var loans = loanIds.Count == 0 ? [] : await db.Loans.AsNoTracking().Where(l => loanIds.Contains(l.Id))
            .Select(l => new { l.Id, l.BookId, l.PatronId }).ToDictionaryAsync(l => l.Id, l => new Link(l.BookId, l.PatronId), cancellationToken);
        var fees = feeIds.Count == 0 ? [] : await db.Fees.AsNoTracking().Where(f => feeIds.Contains(f.Id))
            .Select(f => new { f.Id, f.BookId, f.PatronId }).ToDictionaryAsync(f => f.Id, f => new Link(f.BookId, f.PatronId), cancellationToken);

        var bookIds = entries.Where(e => e.EntityType == "Book").Select(e => int.TryParse(e.EntityId, CultureInfo.InvariantCulture, out var id) ? id : 0)
            .Concat(loans.Values.Concat(fees.Values).Select(l => l.BookId)).Where(id => id > 0).Distinct().ToList();
        var patronIds = entries.Where(e => e.EntityType == "Patron").Select(e => e.EntityId)
            .Concat(loans.Values.Concat(fees.Values).Select(l => l.PatronId)).Distinct().ToList();
        var books = bookIds.Count == 0 ? [] : await db.Books.AsNoTracking().Where(b => bookIds.Contains(b.Id))
            .Select(b => new { b.Id, b.Title }).ToDictionaryAsync(b => b.Id, b => b.Title, cancellationToken);
        var patrons = patronIds.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => patronIds.Contains(u.Id))
            .Select(u => new { u.Id, Name = u.DisplayName == "" ? u.Email : u.DisplayName })
            .ToDictionaryAsync(u => u.Id, u => u.Name ?? u.Id, cancellationToken);

        AuditSubject Of(int? bookId, string? patronId)
        {
            var title = bookId is { } b && books.TryGetValue(b, out var t) ? t : null;
            var name = patronId is not null && patrons.TryGetValue(patronId, out var n) ? n : null;
            return new AuditSubject(title is null ? null : bookId, title, name is null ? null : patronId, name, Deleted: title is null && name is null);
        }

        AuditSubject Linked(Link? link) => link is null ? new AuditSubject(null, null, null, null, Deleted: true) : Of(link.BookId, link.PatronId);

        return entries.Select(e => e with
        {
            Subject = e.EntityType switch
            {
                "Book" => Of(int.TryParse(e.EntityId, CultureInfo.InvariantCulture, out var id) ? id : null, null),
                "Patron" => Of(null, e.EntityId),
                "Loan" => Linked(Guid.TryParse(e.EntityId, out var loanId) ? loans.GetValueOrDefault(loanId) : null),
                "Fee" => Linked(Guid.TryParse(e.EntityId, out var feeId) ? fees.GetValueOrDefault(feeId) : null),
                _ => null,
            },
        }).ToList();
    }

    private static List<Guid> GuidsOf(IEnumerable<AuditEntryDto> entries, string type) =>
        entries.Where(e => e.EntityType == type).Select(e => Guid.TryParse(e.EntityId, out var id) ? id : Guid.Empty)
            .Where(id => id != Guid.Empty).Distinct().ToList();
}
