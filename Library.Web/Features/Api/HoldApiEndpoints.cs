using System.Security.Claims;
using Library.Web.Features.Admin;
using Library.Web.Features.Catalog;
using Library.Web.Features.Lending.Holds;
using Library.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Library.Web.Features.Api;

public sealed record PlaceHoldRequest(int? BookId);

public sealed record CancelHoldRequest(string? Reason);

/// <summary>One title with its live stock and its hold demand.</summary>
public sealed record BookWithHoldsDto(
    int Id, string Title, string Author, string Isbn, string? Publisher, int? Year, string? Description,
    int TotalCopies, int AvailableCopies, int HoldsWaiting, int OnHoldShelf, string? CoverVersion = null);

/// <summary>Holds (exact routes from the circulation issue) and the librarian's hold queue and hold shelf.</summary>
internal static class HoldApiEndpoints
{
    public static WebApplication MapHoldApi(this WebApplication app)
    {
        var holds = app.MapGroup("/api").WithTags("Holds").RequireAuthorization(IdentityRegistration.ApiPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        holds.MapPost("/holds", Place).WithName("PlaceHold")
            .WithSummary("Place a hold on a title with no copy on the shelf")
            .WithDescription("The queue is first come, first served. When a copy comes back it waits on the hold shelf for the first " +
                             "patron (status Ready, until readyUntil). 409 with a rule code when refused (blocked, limit, twice, archived, " +
                             "copies on the shelf).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        holds.MapGet("/me/holds", (ClaimsPrincipal user, HoldService service, CancellationToken ct) => service.MyHoldsAsync(user.PatronId()!, ct))
            .WithName("MyHolds").WithSummary("My waiting and ready holds");
        holds.MapDelete("/holds/{id:guid}", async Task<NoContent> (Guid id, ClaimsPrincipal user, HoldService service, CancellationToken ct) =>
            {
                await service.CancelAsync(user.PatronId()!, id, ct);
                return TypedResults.NoContent();
            })
            .WithName("CancelHold").WithSummary("Cancel my hold; a copy held for me passes to the next patron")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        var librarian = app.MapGroup("/api/admin").WithTags("Holds (librarian)").RequireAuthorization(IdentityRegistration.LibrarianPolicy);
        librarian.MapGet("/books/{id:int}/holds", (int id, HoldAdminService service, CancellationToken ct) => service.QueueAsync(id, ct))
            .WithName("TitleHoldQueue").WithSummary("A title's holds: ready ones first, then the waiting queue in order")
            .ProducesProblem(StatusCodes.Status404NotFound);
        librarian.MapGet("/holds/shelf", (HoldAdminService service, CancellationToken ct) => service.HoldShelfAsync(ct))
            .WithName("HoldShelf").WithSummary("Copies on the hold shelf: for whom, until when");
        librarian.MapPost("/holds/{id:guid}/cancel", async Task<NoContent> (
                    Guid id, CancelHoldRequest request, ClaimsPrincipal user, HoldAdminService service, CancellationToken ct) =>
                {
                    await service.CancelAsync(id, request.Reason, Actor.Librarian(user), ct);
                    return TypedResults.NoContent();
                })
            .WithName("CancelPatronHold").WithSummary("Cancel a patron's hold with a reason they are told (audited)")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    /// <summary>GET /api/books/{id}: the title with its hold demand.</summary>
    public static async Task<Results<Ok<BookWithHoldsDto>, ProblemHttpResult>> GetBook(
        int id, BookQueries queries, HoldService holds, CancellationToken ct)
    {
        if (await queries.FindAsync(id, ct) is not { } b)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Book not found.", detail: $"There is no book with id {id}.");
        }

        var demand = await holds.ForTitleAsync(id, ct);
        return TypedResults.Ok(new BookWithHoldsDto(
            b.Id, b.Title, b.Author, b.Isbn, b.Publisher, b.Year, b.Description, b.TotalCopies, b.AvailableCopies,
            demand.HoldsWaiting, demand.OnHoldShelf, b.CoverVersion));
    }

    private static async Task<Results<Created<HoldDto>, ValidationProblem>> Place(
        PlaceHoldRequest request, ClaimsPrincipal user, HoldService service, CancellationToken ct)
    {
        if (request.BookId is not > 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["bookId"] = ["bookId is required."] });
        }

        var hold = await service.PlaceAsync(user.PatronId()!, request.BookId.Value, ct);
        return TypedResults.Created($"/api/me/holds", hold);
    }
}
