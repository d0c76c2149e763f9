using System.Security.Claims;
using Library.Web.Features.Admin;
using Library.Web.Features.Admin.Copies;
using Library.Web.Features.Admin.Patrons;
using Library.Web.Features.Catalog.Copies;
using Library.Web.Features.Desk;
using Library.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Library.Web.Features.Api;

/// <param name="Count">How many copies with generated barcodes; or</param>
/// <param name="Barcodes">the barcodes already on the copies' labels.</param>
public sealed record AddCopiesRequest(int? Count, IReadOnlyList<string>? Barcodes, string? Location);

public sealed record DeskCheckoutRequest(string? CardNumber, string? Barcode);

public sealed record DeskCheckinRequest(string? Barcode);

public sealed record CardResponse(string CardNumber);

/// <summary>Copies by barcode, the circulation desk and library cards (exact routes from the copies issue).</summary>
internal static class CopyApiEndpoints
{
    public static WebApplication MapCopyApi(this WebApplication app)
    {
        var librarian = IdentityRegistration.LibrarianPolicy;
        var copies = app.MapGroup("/api").WithTags("Copies (librarian)").RequireAuthorization(librarian);
        copies.MapGet("/books/{id:int}/copies", (int id, CopyAdminService service, CancellationToken ct) => service.ListAsync(id, ct))
            .WithName("ListCopies").WithSummary("A title's copies with their status, location and current loan")
            .ProducesProblem(StatusCodes.Status404NotFound);
        copies.MapPost("/books/{id:int}/copies", AddCopies)
            .WithName("AddCopies").WithSummary("Add copies: { count } with generated barcodes, or { barcodes: [...] } as printed")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        copies.MapGet("/copies/{barcode}", (string barcode, CopyAdminService service, CancellationToken ct) => service.FindAsync(barcode, ct))
            .WithName("FindCopy").WithSummary("One copy by its barcode")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        copies.MapPatch("/copies/{barcode}", (string barcode, CopyPatch patch, ClaimsPrincipal user, CopyAdminService service, CancellationToken ct) =>
                service.UpdateAsync(barcode, patch, Actor.Librarian(user), ct))
            .WithName("UpdateCopy").WithSummary("Change a copy's status (Available, Lost, Damaged, Withdrawn), location or note")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        var desk = app.MapGroup("/api/desk").WithTags("Circulation desk (librarian)").RequireAuthorization(librarian)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        desk.MapPost("/checkout", CheckOut).WithName("DeskCheckOut").WithSummary("Lend the scanned copy to the patron whose card was scanned")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status429TooManyRequests);
        desk.MapPost("/checkin", (DeskCheckinRequest request, DeskService service, CancellationToken ct) => service.CheckInAsync(request.Barcode, ct))
            .WithName("DeskCheckIn").WithSummary("Check in the scanned copy, whoever's loan it is on; a late return is charged")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status429TooManyRequests);
        desk.MapGet("/patrons/by-card/{cardNumber}", (string cardNumber, DeskService service, CancellationToken ct) =>
                service.FindPatronByCardAsync(cardNumber, ct))
            .WithName("FindPatronByCard").WithSummary("The patron a library card belongs to, with what they have out and owe");
        app.MapPost("/api/admin/patrons/{id}/card", async (string id, ClaimsPrincipal user, PatronAdminService service, CancellationToken ct) =>
                new CardResponse(await service.ReplaceCardAsync(id, Actor.Librarian(user), ct)))
            .WithTags("Admin").RequireAuthorization(librarian)
            .WithName("ReplaceCard").WithSummary("Issue a new card number; the old one stops working")
            .ProducesProblem(StatusCodes.Status404NotFound);

        app.MapGet("/api/me/card", MyCard).WithTags("Me").RequireAuthorization(IdentityRegistration.ApiPolicy)
            .WithName("MyCard").WithSummary("My library card number");
        return app;
    }

    private static async Task<Created<IReadOnlyList<CopyDto>>> AddCopies(
        int id, AddCopiesRequest request, ClaimsPrincipal user, CopyAdminService service, CancellationToken ct)
    {
        var added = await service.AddAsync(id, request.Count, request.Barcodes, request.Location, Actor.Librarian(user), ct);
        return TypedResults.Created($"/api/books/{id}/copies", added);
    }

    private static async Task<Created<DeskCheckout>> CheckOut(DeskCheckoutRequest request, DeskService service, CancellationToken ct)
    {
        var checkout = await service.CheckOutByCardAsync(request.CardNumber, request.Barcode, ct);
        return TypedResults.Created($"/api/me/loans/{checkout.LoanId}", checkout);
    }

    private static async Task<Results<Ok<CardResponse>, NotFound>> MyCard(
        ClaimsPrincipal user, Microsoft.EntityFrameworkCore.IDbContextFactory<Infrastructure.Persistence.LibraryDbContext> dbFactory, CancellationToken ct)
    {
        var id = user.PatronId();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var card = await db.Users.Where(u => u.Id == id).Select(u => u.CardNumber).SingleOrDefaultAsync(ct);
        return card is null ? TypedResults.NotFound() : TypedResults.Ok(new CardResponse(card));
    }
}
