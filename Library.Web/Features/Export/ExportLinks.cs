using Library.Web.Features.Admin.Audit;
using Library.Web.Features.Admin.Books;
using Library.Web.Features.Admin.Fees;
using Library.Web.Features.Admin.Loans;
using Microsoft.AspNetCore.WebUtilities;

namespace Library.Web.Features.Export;

/// <summary>The export URLs for the admin pages' current filters (the same query parameters as the JSON API).</summary>
public static class ExportLinks
{
    public static string Books(string? search, BookStatusFilter status, bool onLoanOnly) =>
        Url("/api/admin/books/export", ("search", search), ("status", status.ToString()), ("onLoanOnly", onLoanOnly ? "true" : null));

    public static string Loans(AdminLoanFilter filter) =>
        Url("/api/admin/loans/export", ("overdue", filter.Overdue?.ToString().ToLowerInvariant()), ("search", filter.Search),
            ("patronId", filter.PatronId), ("bookId", filter.BookId?.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public static string Fees(FeeFilter filter) =>
        Url("/api/admin/fees/export", ("status", filter.Status.ToString()), ("search", filter.Search), ("patronId", filter.PatronId));

    public static string Audit(AuditFilter filter) =>
        Url("/api/admin/audit/export", ("actor", filter.Actor), ("entityType", filter.EntityType), ("entityId", filter.EntityId),
            ("action", filter.Action), ("from", filter.From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            ("to", filter.To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));

    private static string Url(string path, params (string Name, string? Value)[] query) =>
        QueryHelpers.AddQueryString(path, query.Where(q => !string.IsNullOrWhiteSpace(q.Value)).Select(q => new KeyValuePair<string, string?>(q.Name, q.Value)));
}
