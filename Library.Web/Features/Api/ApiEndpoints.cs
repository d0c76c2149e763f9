using System.Security.Claims;
using Library.Web.Features.Catalog;
using Library.Web.Features.Dashboard;
using Library.Web.Features.Fines;
using Library.Web.Features.Lending;
using Library.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.Data;

namespace Library.Web.Features.Api;

/// <summary>The JSON API: composition over the modules, bearer token or cookie, RFC 7807 errors.</summary>
internal static class ApiEndpoints
{
    public static WebApplication MapLibraryApi(this WebApplication app)
    {
        // Identity answers some failures with an empty 401; keep it from being re-executed as the HTML not-found page.
        var auth = app.MapGroup("/api/auth").WithTags("Auth").WithMetadata(Infrastructure.Errors.SkipStatusCodePages.Instance);
        auth.MapIdentityApi<LibraryUser>();
        auth.AddEndpointFilter(AssignPatronRoleOnRegister);

        var books = app.MapGroup("/api/books").WithTags("Books");
        books.MapGet("/", SearchBooks);
        books.MapGet("/{id:int}", GetBook);

        var loans = app.MapGroup("/api/loans").WithTags("Loans").RequireAuthorization(IdentityRegistration.ApiPolicy);
        loans.MapPost("/", Borrow);
        loans.MapPost("/{id:guid}/return", Return);

        var me = app.MapGroup("/api/me").WithTags("Me").RequireAuthorization(IdentityRegistration.ApiPolicy);
        me.MapGet("/loans", MyLoans);
        me.MapGet("/dashboard", MyDashboard);
        return app;
    }

    private static async Task<Results<Ok<PagedResult<BookDto>>, ValidationProblem>> SearchBooks(
        BookQueries queries, string? search, int? page, int? pageSize, CancellationToken ct)
    {
        if (page < 1 || pageSize < 1 || pageSize > BookQueries.MaxPageSize)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["page"] = [$"page must be 1 or more and pageSize between 1 and {BookQueries.MaxPageSize}."],
            });
        }

        return TypedResults.Ok(await queries.SearchAsync(search, page ?? 1, pageSize ?? 20, BookSort.Title, false, ct));
    }

    private static async Task<Results<Ok<BookDto>, NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>>> GetBook(
        int id, BookQueries queries, CancellationToken ct) =>
        await queries.FindAsync(id, ct) is { } book
            ? TypedResults.Ok(book)
            : TypedResults.NotFound(new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = 404, Title = "Book not found.", Detail = $"There is no book with id {id}." });

    private static async Task<Results<Created<LoanDto>, ValidationProblem>> Borrow(
        BorrowRequest request, ClaimsPrincipal user, LendingService lending, CancellationToken ct)
    {
        if (request.Quantity < 1)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["quantity"] = ["quantity must be 1 or more."] });
        }

        var loan = await lending.BorrowAsync(user.PatronId()!, request.BookId, request.Quantity, ct);
        return TypedResults.Created($"/api/me/loans/{loan.Id}", loan);
    }

    private static async Task<Results<Ok<ReturnResponse>, ValidationProblem>> Return(
        Guid id, ReturnRequest request, ClaimsPrincipal user, LendingService lending, LateFeeQuote quote, CancellationToken ct)
    {
        if (request.Quantity < 1)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["quantity"] = ["quantity must be 1 or more."] });
        }

        var result = await lending.ReturnAsync(id, request.Quantity, user.PatronId()!, ct);
        return TypedResults.Ok(new ReturnResponse(result.Loan, result.DaysOverdue, quote.For(result.DaysOverdue)));
    }

    private static async Task<Ok<IEnumerable<LoanDto>>> MyLoans(ClaimsPrincipal user, LoanQueries queries, CancellationToken ct) =>
        TypedResults.Ok((await queries.ActiveLoansAsync(user.PatronId()!, ct)).Select(l => l.ToDto()));

    private static async Task<Ok<DashboardDto>> MyDashboard(ClaimsPrincipal user, DashboardQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.GetAsync(user.PatronId()!, ct));

    private static async ValueTask<object?> AssignPatronRoleOnRegister(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var http = context.HttpContext;
        if (http.Request.Path.Value?.EndsWith("/register", StringComparison.OrdinalIgnoreCase) == true
            && context.Arguments.OfType<RegisterRequest>().FirstOrDefault() is { } request
            && result is IStatusCodeHttpResult { StatusCode: null or 200 })
        {
            var users = http.RequestServices.GetRequiredService<UserManager<LibraryUser>>();
            if (await users.FindByEmailAsync(request.Email) is { } created && !await users.IsInRoleAsync(created, Roles.Patron))
            {
                created.DisplayName = request.Email;
                await users.UpdateAsync(created);
                await users.AddToRoleAsync(created, Roles.Patron);
            }
        }

        return result;
    }
}
