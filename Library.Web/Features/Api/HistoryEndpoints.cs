using System.Security.Claims;
using Library.Web.Features.History;
using Library.Web.Infrastructure.Identity;
using Library.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Library.Web.Features.Api;

/// <summary>Loan history: the patron's own (JSON page and CSV download) and a patron's on the librarian's side.</summary>
internal static class HistoryEndpoints
{
    private const string PagingDescription =
        "Closed loans (every copy returned or declared lost), newest first by when they closed. `returnedAt` is the last return " +
        "(or loss), `daysOverdue` the most days overdue of its returns, `fee` the late and lost-copy fees charged for the loan " +
        "that were not waived, `quantityLost` the copies declared lost. `page` from 1 (default 1), `pageSize` 1-100 (default 20).";

    public static WebApplication MapHistoryApi(this WebApplication app)
    {
        var me = app.MapGroup("/api/me").WithTags("Me").RequireAuthorization(IdentityRegistration.ApiPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        me.MapGet("/history", MyHistory).WithName("MyHistory")
            .WithSummary("My past loans, newest first")
            .WithDescription(PagingDescription)
            .ProducesValidationProblem();
        me.MapGet("/history.csv", MyHistoryCsv).WithName("MyHistoryCsv")
            .WithSummary("My whole loan history as CSV")
            .WithDescription("UTF-8 with a byte-order mark, headers in the request's language (`?culture=ko` or the culture cookie), " +
                             "dates yyyy-MM-dd in the library's time zone, fee in whole won. Newest first, like `/api/me/history`.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");

        app.MapGet("/api/admin/patrons/{id}/history", PatronHistory).WithName("PatronHistory")
            .WithTags("Admin").RequireAuthorization(IdentityRegistration.LibrarianPolicy)
            .WithSummary("A patron's past loans, newest first")
            .WithDescription(PagingDescription + " 404 when there is no such patron.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<Ok<LoanHistoryPage>, ValidationProblem>> MyHistory(
        ClaimsPrincipal user, LoanHistoryQueries queries, int? page, int? pageSize, CancellationToken ct) =>
        BadPaging(page, pageSize) is { } problem
            ? problem
            : TypedResults.Ok(await queries.PageAsync(user.PatronId()!, page ?? 1, pageSize ?? LoanHistoryQueries.DefaultPageSize, ct));

    private static PushStreamHttpResult MyHistoryCsv(
        ClaimsPrincipal user, LoanHistoryCsv csv, LibraryDates dates, TimeProvider clock, CancellationToken ct)
    {
        var patronId = user.PatronId()!;
        return TypedResults.Stream(
            stream => csv.WriteAsync(patronId, stream, ct),
            "text/csv; charset=utf-8",
            LoanHistoryCsv.FileName(dates.LocalDate(clock.GetUtcNow())));
    }

    private static async Task<Results<Ok<LoanHistoryPage>, ValidationProblem, ProblemHttpResult>> PatronHistory(
        string id, LoanHistoryQueries queries, int? page, int? pageSize, CancellationToken ct)
    {
        if (BadPaging(page, pageSize) is { } problem)
        {
            return problem;
        }

        return await queries.PatronExistsAsync(id, ct)
            ? TypedResults.Ok(await queries.PageAsync(id, page ?? 1, pageSize ?? LoanHistoryQueries.DefaultPageSize, ct))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Patron not found.", detail: $"There is no patron with id {id}.");
    }

    private static ValidationProblem? BadPaging(int? page, int? pageSize)
    {
        var errors = new Dictionary<string, string[]>();
        if (page < 1)
        {
            errors["page"] = ["page must be 1 or more."];
        }

        if (pageSize is < 1 or > LoanHistoryQueries.MaxPageSize)
        {
            errors["pageSize"] = [$"pageSize must be between 1 and {LoanHistoryQueries.MaxPageSize}."];
        }

        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : null;
    }
}
