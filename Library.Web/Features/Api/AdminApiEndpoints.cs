using System.Security.Claims;
using Library.Web.Features.Admin;
using Library.Web.Features.Admin.Audit;
using Library.Web.Features.Admin.Books;
using Library.Web.Features.Admin.Calendar;
using Library.Web.Features.Admin.Fees;
using Library.Web.Features.Admin.Loans;
using Library.Web.Features.Admin.Patrons;
using Library.Web.Features.Catalog;
using Library.Web.Features.Fines;
using Library.Web.Features.Lending;
using Library.Web.Infrastructure.Identity;
using Library.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Library.Web.Features.Api;

/// <summary>The librarian's JSON API (role Librarian, bearer token or cookie). Same conventions as the patron API.</summary>
internal static class AdminApiEndpoints
{
    public static WebApplication MapAdminApi(this WebApplication app)
    {
        var books = app.MapGroup("/api/books").WithTags("Books (librarian)").RequireAuthorization(IdentityRegistration.LibrarianPolicy);
        books.MapPost("/", CreateBook);
        books.MapPut("/{id:int}", UpdateBook);
        books.MapDelete("/{id:int}", DeleteBook);
        books.MapPost("/{id:int}/archive", (int id, ClaimsPrincipal user, AdminBookService service, CancellationToken ct) =>
            service.ArchiveAsync(id, Actor.Librarian(user), ct));
        books.MapPost("/{id:int}/restore", (int id, ClaimsPrincipal user, AdminBookService service, CancellationToken ct) =>
            service.RestoreAsync(id, Actor.Librarian(user), ct));

        app.MapPut("/api/loans/{id:guid}/due-date", ChangeDueDate)
            .WithTags("Loans (librarian)").RequireAuthorization(IdentityRegistration.LibrarianPolicy);

        var admin = app.MapGroup("/api/admin").WithTags("Admin").RequireAuthorization(IdentityRegistration.LibrarianPolicy);
        admin.MapGet("/overview", (AdminOverviewQueries queries, CancellationToken ct) => queries.GetAsync(ct));
        admin.MapGet("/loans", SearchLoans);
        admin.MapPost("/loans/{id:guid}/check-in", CheckIn);
        admin.MapPost("/loans/{id:guid}/renew", async (Guid id, ClaimsPrincipal user, AdminLoanService service, CancellationToken ct) =>
                TypedResults.Ok(await service.RenewAsync(id, Actor.Librarian(user), ct)))
            .WithSummary("Renew a loan on the patron's behalf (audited)")
            .WithDescription("Same rules as the patron's renewal; 409 with the rule code when refused, 404 for an unknown loan.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapGet("/patrons", SearchPatrons);
        admin.MapGet("/patrons/{id}", GetPatron);
        admin.MapPost("/patrons/{id}/block", BlockPatron);
        admin.MapPost("/patrons/{id}/unblock", async (string id, ClaimsPrincipal user, PatronAdminService service, CancellationToken ct) =>
        {
            await service.UnblockAsync(id, Actor.Librarian(user), ct);
            return TypedResults.NoContent();
        });
        admin.MapGet("/fees", SearchFees);
        admin.MapPost("/fees/{id:guid}/payment", async (Guid id, ClaimsPrincipal user, FeeAdminService service, CancellationToken ct) =>
        {
            await service.RecordPaymentAsync(id, Actor.Librarian(user), ct);
            return TypedResults.NoContent();
        });
        admin.MapPost("/fees/{id:guid}/waiver", WaiveFee);
        admin.MapGet("/audit", SearchAudit);
        admin.MapGet("/calendar", (CalendarAdminService service, CancellationToken ct) => service.GetAsync(ct));
        admin.MapPut("/calendar", ReplaceCalendar).ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapLibrarianApi();
        return app;
    }

    private static async Task<Results<Created<BookDto>, ValidationProblem>> CreateBook(
        BookInput input, ClaimsPrincipal user, AdminBookService service, TimeProvider clock, IStringLocalizer<AdminText> t, CancellationToken ct)
    {
        if (Invalid(input, clock, t) is { } problem)
        {
            return problem;
        }

        var book = await service.CreateAsync(input, Actor.Librarian(user), ct);
        return TypedResults.Created($"/api/books/{book.Id}", book);
    }

    private static async Task<Results<Ok<BookDto>, ValidationProblem>> UpdateBook(
        int id, BookInput input, ClaimsPrincipal user, AdminBookService service, TimeProvider clock, IStringLocalizer<AdminText> t,
        CancellationToken ct)
    {
        if (Invalid(input, clock, t) is { } problem)
        {
            return problem;
        }

        return TypedResults.Ok(await service.UpdateAsync(id, input, Actor.Librarian(user), ct));
    }

    private static async Task<NoContent> DeleteBook(int id, ClaimsPrincipal user, AdminBookService service, CancellationToken ct)
    {
        await service.DeleteAsync(id, Actor.Librarian(user), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<LoanDto>, ValidationProblem>> ChangeDueDate(
        Guid id, DueDateRequest request, ClaimsPrincipal user, AdminLoanService service, CancellationToken ct)
    {
        if (request.DueAt is not { } dueAt)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["dueAt"] = ["dueAt is required."] });
        }

        return TypedResults.Ok(await service.ChangeDueDateAsync(id, dueAt, Actor.Librarian(user), ct));
    }

    private static async Task<Results<Ok<PagedResult<AdminLoanRow>>, ValidationProblem>> SearchLoans(
        AdminLoanQueries queries, bool? overdue, string? search, string? patronId, int? bookId, string? sortBy, bool? descending,
        int? page, int? pageSize, CancellationToken ct) =>
        BadPaging(page, pageSize) is { } problem
            ? problem
            : TypedResults.Ok(await queries.SearchAsync(
                new AdminLoanFilter(overdue, search, patronId, bookId), sortBy, descending ?? false, page ?? 1, pageSize ?? 20, ct));

    private static async Task<Results<Ok<ReturnResponse>, ValidationProblem>> CheckIn(
        Guid id, CheckInRequest request, ClaimsPrincipal user, AdminLoanService service, LateFeeQuote quote, CancellationToken ct)
    {
        if (request.Quantity < 1)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["quantity"] = ["quantity must be 1 or more."] });
        }

        var result = await service.CheckInAsync(id, request.Quantity, Actor.Librarian(user), ct);
        return TypedResults.Ok(new ReturnResponse(result.Loan, result.DaysOverdue, quote.For(result.DaysOverdue)));
    }

    private static async Task<Results<Ok<PagedResult<PatronRow>>, ValidationProblem>> SearchPatrons(
        PatronQueries queries, string? search, PatronFilter? filter, int? page, int? pageSize, CancellationToken ct) =>
        BadPaging(page, pageSize) is { } problem
            ? problem
            : TypedResults.Ok(await queries.SearchAsync(search, filter ?? PatronFilter.All, page ?? 1, pageSize ?? 20, ct));

    private static async Task<Results<Ok<PatronDetail>, ProblemHttpResult>> GetPatron(
        string id, PatronQueries queries, CancellationToken ct) =>
        await queries.GetAsync(id, ct) is { } patron
            ? TypedResults.Ok(patron)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Patron not found.", detail: $"There is no patron with id {id}.");

    private static async Task<Results<NoContent, ValidationProblem>> BlockPatron(
        string id, ReasonRequest request, ClaimsPrincipal user, PatronAdminService service, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["A reason is required to block a patron; the patron sees it."] });
        }

        await service.BlockAsync(id, request.Reason, Actor.Librarian(user), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<FeePage>, ValidationProblem>> SearchFees(
        FeeQueries queries, FeeStatusFilter? status, string? search, string? patronId, int? page, int? pageSize, CancellationToken ct) =>
        BadPaging(page, pageSize) is { } problem
            ? problem
            : TypedResults.Ok(await queries.SearchAsync(new FeeFilter(status ?? FeeStatusFilter.Outstanding, search, patronId), page ?? 1, pageSize ?? 20, ct));

    private static async Task<Results<NoContent, ValidationProblem>> WaiveFee(
        Guid id, ReasonRequest request, ClaimsPrincipal user, FeeAdminService service, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["A reason is required to waive a fee."] });
        }

        await service.WaiveAsync(id, request.Reason, Actor.Librarian(user), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<PagedResult<AuditEntryDto>>, ValidationProblem>> SearchAudit(
        AuditQueries queries, string? actor, string? entityType, string? entityId, string? action, DateOnly? from, DateOnly? to,
        int? page, int? pageSize, CancellationToken ct) =>
        BadPaging(page, pageSize) is { } problem
            ? problem
            : TypedResults.Ok(await queries.SearchAsync(new AuditFilter(actor, entityType, entityId, action, from, to), page ?? 1, pageSize ?? 20, ct));

    private static async Task<Results<Ok<LibraryCalendarDto>, ValidationProblem>> ReplaceCalendar(
        CalendarRequest request, ClaimsPrincipal user, CalendarAdminService service, CancellationToken ct)
    {
        var dates = request.ClosedDates ?? [];
        var errors = new Dictionary<string, string[]>();
        if (dates.Any(d => d.Date is null))
        {
            errors["closedDates"] = ["Every closed date needs a date (yyyy-MM-dd)."];
        }
        else if (dates.GroupBy(d => d.Date).Any(g => g.Count() > 1))
        {
            errors["closedDates"] = ["A date is listed more than once."];
        }

        if (dates.Any(d => d.Note is { Length: > Library.Web.Features.Calendar.ClosedDate.MaxNoteLength }))
        {
            errors["closedDates.note"] = [$"A note has at most {Library.Web.Features.Calendar.ClosedDate.MaxNoteLength} characters."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var calendar = new LibraryCalendarDto(request.ClosedWeekdays ?? [], dates.Select(d => new ClosedDateDto(d.Date!.Value, d.Note)).ToList());
        return TypedResults.Ok(await service.ReplaceAsync(calendar, Actor.Librarian(user), ct));
    }

    private static ValidationProblem? Invalid(BookInput input, TimeProvider clock, IStringLocalizer<AdminText> t)
    {
        var errors = BookInputValidator.Validate(input, clock.GetUtcNow().Year);
        return errors.Count == 0
            ? null
            : TypedResults.ValidationProblem(errors
                .GroupBy(e => JsonName(e.Field))
                .ToDictionary(g => g.Key, g => g.Select(e => t[e.MessageKey, e.Arguments].Value).ToArray()));
    }

    private static ValidationProblem? BadPaging(int? page, int? pageSize) =>
        page < 1 || pageSize < 1 || pageSize > 100
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["page"] = ["page must be 1 or more and pageSize between 1 and 100."],
            })
            : null;

    private static string JsonName(string property) => char.ToLowerInvariant(property[0]) + property[1..];
}
