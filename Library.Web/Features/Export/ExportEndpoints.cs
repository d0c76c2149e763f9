using Library.Web.Features.Admin.Audit;
using Library.Web.Features.Admin.Books;
using Library.Web.Features.Admin.Fees;
using Library.Web.Features.Admin.Loans;
using Library.Web.Infrastructure.Identity;
using Library.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Library.Web.Features.Export;

/// <summary>
/// CSV downloads for the librarian (issue 17, decision 163): the catalogue in the import's columns, and the loans, fees and
/// audit log with the filters of their admin pages. Streamed row by row from the database to the response.
/// </summary>
internal static class ExportEndpoints
{
    private const string CsvType = "text/csv; charset=utf-8";

    private const string SheetDescription =
        " UTF-8 with a byte-order mark, CRLF lines, RFC 4180 quoting; a value a spreadsheet would run as a formula (=, +, -, @ first) " +
        "gets a leading apostrophe. Dates are yyyy-MM-dd in the library's time zone, amounts whole won.";

    public static WebApplication MapExportApi(this WebApplication app)
    {
        var admin = app.MapGroup("/api/admin").WithTags("Exports (librarian)").RequireAuthorization(IdentityRegistration.LibrarianPolicy);
        admin.MapGet("/books/export", Books).WithName("ExportBooks")
            .WithSummary("The catalogue as CSV, in the import's columns")
            .WithDescription("Columns `isbn,title,author,publisher,year,copies,description` (fixed English header, so the file imports " +
                             "again); copies = total copies. Same filters as `/admin/books`: `search`, `status` (Active (default), Archived, All), " +
                             "`onLoanOnly`. Sorted by title." + SheetDescription)
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        admin.MapGet("/loans/export", Loans).WithName("ExportLoans")
            .WithSummary("Active loans as CSV")
            .WithDescription("Same filters and order as `GET /api/admin/loans` (`overdue`, `search`, `patronId`, `bookId`, `sortBy`, " +
                             "`descending`), without paging. Headers in the request's language." + SheetDescription)
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        admin.MapGet("/fees/export", Fees).WithName("ExportFees")
            .WithSummary("Fees as CSV")
            .WithDescription("Same filters as `GET /api/admin/fees` (`status`: Outstanding (default), Settled, Paid, Waived, All; " +
                             "`search`, `patronId`), newest charge first. Headers in the request's language." + SheetDescription)
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        admin.MapGet("/audit/export", Audit).WithName("ExportAudit")
            .WithSummary("The audit log as CSV")
            .WithDescription("Same filters as `GET /api/admin/audit` (`actor`, `entityType`, `entityId`, `action`, `from`, `to` as " +
                             "library-local days), newest first; times yyyy-MM-dd HH:mm:ss in the library's time zone. Headers in the " +
                             "request's language." + SheetDescription)
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        return app;
    }

    private static PushStreamHttpResult Books(
        AdminBookQueries queries, LibraryDates dates, TimeProvider clock, string? search, BookStatusFilter? status, bool? onLoanOnly,
        CancellationToken ct) =>
        Sheet("books", dates, clock, output =>
            BookSheet.WriteAsync(queries.StreamAsync(search, status ?? BookStatusFilter.Active, onLoanOnly ?? false, ct), output));

    private static PushStreamHttpResult Loans(
        AdminLoanQueries queries, ExportSheets sheets, LibraryDates dates, TimeProvider clock, bool? overdue, string? search,
        string? patronId, int? bookId, string? sortBy, bool? descending, CancellationToken ct) =>
        Sheet("loans", dates, clock, output =>
            sheets.LoansAsync(queries.StreamAsync(new AdminLoanFilter(overdue, search, patronId, bookId), sortBy, descending ?? false, ct), output));

    private static PushStreamHttpResult Fees(
        FeeQueries queries, ExportSheets sheets, LibraryDates dates, TimeProvider clock, FeeStatusFilter? status, string? search,
        string? patronId, CancellationToken ct) =>
        Sheet("fees", dates, clock, output =>
            sheets.FeesAsync(queries.StreamAsync(new FeeFilter(status ?? FeeStatusFilter.Outstanding, search, patronId), ct), output));

    private static PushStreamHttpResult Audit(
        AuditQueries queries, ExportSheets sheets, LibraryDates dates, TimeProvider clock, string? actor, string? entityType,
        string? entityId, string? action, DateOnly? from, DateOnly? to, CancellationToken ct) =>
        Sheet("audit", dates, clock, output =>
            sheets.AuditAsync(queries.StreamAsync(new AuditFilter(actor, entityType, entityId, action, from, to), ct), output));

    private static PushStreamHttpResult Sheet(string name, LibraryDates dates, TimeProvider clock, Func<Stream, Task> write) =>
        TypedResults.Stream(write, CsvType, $"{name}-{dates.LocalDate(clock.GetUtcNow()):yyyy-MM-dd}.csv");
}
