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
    public const int MaxSearchLength = 200;

    public static WebApplication MapLibraryApi(this WebApplication app)
    {
        // Empty error answers (a malformed body, Identity's bare 401) get problem details from the API's status-code pages.
        var auth = app.MapGroup("/api/auth").WithTags("Auth");
        auth.MapIdentityApi<LibraryUser>();
        auth.AddAccountSecurity();
        auth.AddEndpointFilter<Infrastructure.Errors.RequiredBodyFields>();

        var books = app.MapGroup("/api/books").WithTags("Books");
        books.MapGet("/", SearchBooks).WithName("SearchBooks")
            .WithSummary("Search the catalogue")
            .WithDescription("Every word of `search` must match a word of the title or author: as a whole word, its start " +
                             "(\"harr pot\" finds \"Harry Potter\") or, from 3 characters (2 for Korean), anywhere inside it " +
                             "(\"lockmak\" finds \"Clockmaker\", \"람쥐\" finds \"다람쥐\"); or `search` is the start of an ISBN (hyphens ignored). " +
                             "Whole-word matches come first, then word starts, then the rest, each in the `sort` order " +
                             "(Title, Author, Year, Available; `desc=true` reverses it). When nothing matches, `suggestion` may hold a " +
                             "respelt search that finds titles (\"Clokmaker\" → \"Clockmaker\"). Filters: `available=true` (a copy on the " +
                             "shelf now), `author` and `publisher` (text anywhere in the name), `yearFrom`/`yearTo` (inclusive; 400 when " +
                             "yearFrom is after yearTo). `page` from 1, `pageSize` 1-100.")
            .ProducesValidationProblem();
        books.MapGet("/{id:int}", HoldApiEndpoints.GetBook).WithName("GetBook").WithSummary("One title with its live stock and hold demand");

        var loans = app.MapGroup("/api/loans").WithTags("Loans").RequireAuthorization(IdentityRegistration.ApiPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        loans.MapPost("/", Borrow).WithName("Borrow")
            .WithSummary("Borrow copies of a title")
            .WithDescription("409 when fewer copies are available than asked for, or when the loan limit would be exceeded.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        loans.MapPost("/{id:guid}/return", Return).WithName("Return")
            .WithSummary("Return all or part of a loan")
            .WithDescription("Answers the loan and the late fee this return charged (0 when on time). 409 when returning more than is on loan.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        loans.MapPost("/{id:guid}/renew", Renew).WithName("Renew")
            .WithSummary("Renew one of my loans")
            .WithDescription("Moves the due date one loan period on (Lending:RenewFrom) and answers the loan with its new `dueAt` and " +
                             "`renewals` count. 409 with the rule code when refused: RenewalLimitReached, OverdueLoanCannotBeRenewed, " +
                             "PatronMustNotBeBlocked, TitleWaitedForByOthers, LoanMustBeActive. Someone else's loan: 404.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        var me = app.MapGroup("/api/me").WithTags("Me").RequireAuthorization(IdentityRegistration.ApiPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        me.MapGet("/loans", MyLoans).WithName("MyLoans").WithSummary("My active loans");
        me.MapGet("/loans/{id:guid}", MyLoan).WithName("MyLoan").WithSummary("One of my loans, active or returned");
        me.MapGet("/auto-renew", async (ClaimsPrincipal user, RenewalService renewals, CancellationToken ct) =>
                TypedResults.Ok(new AutoRenewSetting(await renewals.AutoRenewsForAsync(user.PatronId()!, ct), renewals.LibraryAutoRenews)))
            .WithName("MyAutoRenew").WithSummary("Whether my loans are renewed automatically on their due day (when the library auto-renews)");
        me.MapPut("/auto-renew", async (AutoRenewSetting setting, ClaimsPrincipal user, RenewalService renewals, CancellationToken ct) =>
            {
                await renewals.SetAutoRenewAsync(user.PatronId()!, setting.On, ct);
                return TypedResults.NoContent();
            })
            .WithName("SetMyAutoRenew").WithSummary("Turn auto-renewal of my loans on or off (`{ \"on\": false }`)");
        me.MapGet("/dashboard", MyDashboard).WithName("MyDashboard").WithSummary("Books on loan, outstanding late fees, overdue loans");
        return app;
    }

    private static async Task<Results<Ok<CatalogPage>, ValidationProblem>> SearchBooks(
        BookQueries queries, string? search, int? page, int? pageSize, bool? available, string? author, string? publisher,
        int? yearFrom, int? yearTo, string? sort, bool? desc, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (page < 1)
        {
            errors["page"] = ["page must be 1 or more."];
        }

        if (pageSize is < 1 or > BookQueries.MaxPageSize)
        {
            errors["pageSize"] = [$"pageSize must be between 1 and {BookQueries.MaxPageSize}."];
        }

        if (search?.Length > MaxSearchLength)
        {
            errors["search"] = [$"search must be at most {MaxSearchLength} characters."];
        }

        if (author?.Length > CatalogFilter.MaxTextLength)
        {
            errors["author"] = [$"author must be at most {CatalogFilter.MaxTextLength} characters."];
        }

        if (publisher?.Length > CatalogFilter.MaxTextLength)
        {
            errors["publisher"] = [$"publisher must be at most {CatalogFilter.MaxTextLength} characters."];
        }

        var filter = new CatalogFilter(available ?? false, author, publisher, yearFrom, yearTo);
        if (filter.HasBadYearRange)
        {
            errors["yearFrom"] = ["yearFrom must not be after yearTo."];
        }

        var bookSort = BookSort.Title;
        if (sort is not null && !(Enum.TryParse(sort, ignoreCase: true, out bookSort) && Enum.IsDefined(bookSort) && !int.TryParse(sort, out _)))
        {
            errors["sort"] = [$"sort must be one of {string.Join(", ", Enum.GetNames<BookSort>())}."];
        }

        return errors.Count > 0
            ? TypedResults.ValidationProblem(errors)
            : TypedResults.Ok(await queries.SearchAsync(search, filter, page ?? 1, pageSize ?? 20, bookSort, desc ?? false, ct));
    }

    private static async Task<Results<Created<LoanDto>, ValidationProblem>> Borrow(
        BorrowRequest request, ClaimsPrincipal user, LendingService lending, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var byIsbn = !string.IsNullOrWhiteSpace(request.Isbn);
        if (byIsbn == request.BookId is not null)
        {
            errors["bookId"] = ["Give either bookId or isbn."];
        }
        else if (request.BookId < 1)
        {
            errors["bookId"] = ["bookId is required."];
        }
        else if (byIsbn && !Library.Domain.Catalog.Isbn.IsValid(request.Isbn))
        {
            errors["isbn"] = ["isbn is not a valid ISBN-10 or ISBN-13."];
        }

        if (request.Quantity < 1)
        {
            errors["quantity"] = ["quantity must be 1 or more."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var loan = byIsbn
            ? await lending.BorrowByIsbnAsync(user.PatronId()!, request.Isbn!, request.Quantity, ct)
            : await lending.BorrowAsync(user.PatronId()!, request.BookId!.Value, request.Quantity, ct);
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

    private static async Task<Ok<LoanDto>> Renew(Guid id, ClaimsPrincipal user, RenewalService renewals, CancellationToken ct) =>
        TypedResults.Ok(await renewals.RenewAsync(id, user.PatronId()!, ct));

    private static async Task<Ok<IEnumerable<LoanDto>>> MyLoans(ClaimsPrincipal user, LoanQueries queries, CancellationToken ct) =>
        TypedResults.Ok((await queries.ActiveLoansAsync(user.PatronId()!, ct)).Select(l => l.ToDto()));

    private static async Task<Results<Ok<LoanDto>, ProblemHttpResult>> MyLoan(Guid id, ClaimsPrincipal user, LoanQueries queries, CancellationToken ct) =>
        await queries.FindAsync(user.PatronId()!, id, ct) is { } loan
            ? TypedResults.Ok(loan.ToDto())
            : NotFound("Loan not found.", $"You have no loan with id {id}.");

    private static async Task<Ok<DashboardDto>> MyDashboard(ClaimsPrincipal user, DashboardQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.GetAsync(user.PatronId()!, ct));

    private static ProblemHttpResult NotFound(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: title, detail: detail);
}
