using Library.Web.Infrastructure.Identity;
using Library.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Library.Web.Features.Reports;

/// <summary>The reports as JSON and CSV for librarians: <c>/api/admin/reports/{name}</c> and <c>/api/admin/reports/{name}.csv</c>.</summary>
internal static class ReportsEndpoints
{
    private const string Description =
        "Reports: `loans-returns`, `busiest-hours`, `top-titles`, `overdue`, `fees`, `never-borrowed`. `from` and `to` are " +
        "library-local days (yyyy-MM-dd, both included; default the last 30 days up to today; at most 366 days; `to` not after " +
        "today). `never-borrowed` ignores the period and pages with `page` (from 1) and `pageSize` (1-100, default 20). " +
        "400 for a bad period or paging, 404 for an unknown report.";

    public static WebApplication MapReportsApi(this WebApplication app)
    {
        var reports = app.MapGroup("/api/admin/reports").WithTags("Reports").RequireAuthorization(IdentityRegistration.LibrarianPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        reports.MapGet("/{name}.csv", Csv).WithName("ReportCsv")
            .WithSummary("A report as CSV")
            .WithDescription(Description + " UTF-8 with a byte-order mark, headers in the request's language, amounts in whole won.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        reports.MapGet("/{name}", Json).WithName("Report")
            .WithSummary("A report as JSON")
            .WithDescription(Description)
            .Produces(StatusCodes.Status200OK, contentType: "application/json");
        return app;
    }

    private static async Task<IResult> Json(
        string name, string? from, string? to, int? page, int? pageSize, ReportQueries queries, LibraryDates dates, TimeProvider clock, CancellationToken ct)
    {
        if (Unknown(name) is { } notFound)
        {
            return notFound;
        }

        if (name == ReportNames.NeverBorrowed)
        {
            if (page < 1 || pageSize is < 1 or > ReportQueries.NeverBorrowedMaxPageSize)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    [page < 1 ? "page" : "pageSize"] = [$"page must be 1 or more and pageSize between 1 and {ReportQueries.NeverBorrowedMaxPageSize}."],
                });
            }

            return TypedResults.Ok(await queries.NeverBorrowedAsync(page ?? 1, pageSize ?? 20, ct));
        }

        var (period, errors) = ReportPeriod.Parse(from, to, dates.LocalDate(clock.GetUtcNow()));
        if (period is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return name switch
        {
            ReportNames.LoansReturns => TypedResults.Ok(await queries.LoansAndReturnsAsync(period, ct)),
            ReportNames.BusiestHours => TypedResults.Ok(await queries.BusiestHoursAsync(period, ct)),
            ReportNames.TopTitles => TypedResults.Ok(await queries.TopTitlesAsync(period, ct)),
            ReportNames.Overdue => TypedResults.Ok(await queries.OverdueAsync(period, ct)),
            _ => TypedResults.Ok(await queries.FeesAsync(period, ct)),
        };
    }

    private static IResult Csv(string name, string? from, string? to, ReportsCsv csv, LibraryDates dates, TimeProvider clock, CancellationToken ct)
    {
        if (Unknown(name) is { } notFound)
        {
            return notFound;
        }

        var (period, errors) = ReportPeriod.Parse(from, to, dates.LocalDate(clock.GetUtcNow()));
        if (period is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Stream(stream => csv.WriteAsync(name, period, stream, ct), "text/csv; charset=utf-8", ReportNames.FileName(name, period));
    }

    private static ProblemHttpResult? Unknown(string name) => ReportNames.All.Contains(name)
        ? null
        : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Report not found.",
            detail: $"There is no report \"{name}\"; reports are {string.Join(", ", ReportNames.All)}.");
}
