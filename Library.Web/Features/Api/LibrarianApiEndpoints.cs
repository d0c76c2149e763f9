using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Library.Web.Features.Admin;
using Library.Web.Features.Admin.Librarians;
using Library.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Library.Web.Features.Api;

public sealed record LibrarianInvitationRequest(string? Email);

public sealed record LibrarianInvitationResult(string Outcome);

/// <summary>Staff accounts for librarians: list, invite or promote by e-mail, demote (not oneself, not the last one).</summary>
internal static class LibrarianApiEndpoints
{
    public static RouteGroupBuilder MapLibrarianApi(this RouteGroupBuilder admin)
    {
        admin.MapGet("/librarians", (LibrarianAdminService service, CancellationToken ct) => service.ListAsync(ct));
        admin.MapPost("/librarians", Invite);
        admin.MapPost("/librarians/{id}/demote", async (string id, ClaimsPrincipal user, LibrarianAdminService service, CancellationToken ct) =>
        {
            await service.DemoteAsync(id, Actor.Librarian(user), ct);
            return TypedResults.NoContent();
        });
        return admin;
    }

    private static async Task<Results<Ok<LibrarianInvitationResult>, ValidationProblem>> Invite(
        LibrarianInvitationRequest request, ClaimsPrincipal user, LibrarianAdminService service, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || !new EmailAddressAttribute().IsValid(request.Email.Trim()))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["email"] = ["Enter a valid e-mail address."] });
        }

        var outcome = await service.InviteAsync(request.Email, Actor.Librarian(user), SetPasswordUrl(http), AuthApiSecurity.SignInUrl(http), ct);
        return TypedResults.Ok(new LibrarianInvitationResult(outcome.ToString()));
    }

    internal static string SetPasswordUrl(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}/account/set-password";
}
