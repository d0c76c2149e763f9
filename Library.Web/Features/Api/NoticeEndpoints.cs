using System.Security.Claims;
using Library.Web.Features.Notices;
using Library.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Library.Web.Features.Api;

/// <summary>The patron's notices over the JSON API: list (newest first, with the unread count) and mark as read.</summary>
internal static class NoticeEndpoints
{
    public sealed record NoticeList(int Unread, IReadOnlyList<NoticeView> Items);

    public static WebApplication MapNoticeApi(this WebApplication app)
    {
        var notices = app.MapGroup("/api/me/notifications").WithTags("Me").RequireAuthorization(IdentityRegistration.ApiPolicy);
        notices.MapGet("/", List);
        notices.MapPost("/{id:guid}/read", MarkRead);
        notices.MapPost("/read-all", MarkAllRead);
        return app;
    }

    private static async Task<Ok<NoticeList>> List(ClaimsPrincipal user, NoticeService service, int? take, CancellationToken ct)
    {
        var patronId = user.PatronId()!;
        var items = await service.ListAsync(patronId, Math.Clamp(take ?? 50, 1, 200), ct);
        return TypedResults.Ok(new NoticeList(await service.UnreadCountAsync(patronId, ct), items));
    }

    private static async Task<Results<NoContent, NotFound>> MarkRead(Guid id, ClaimsPrincipal user, NoticeService service, CancellationToken ct) =>
        await service.MarkReadAsync(user.PatronId()!, id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<NoContent> MarkAllRead(ClaimsPrincipal user, NoticeService service, CancellationToken ct)
    {
        await service.MarkAllReadAsync(user.PatronId()!, ct);
        return TypedResults.NoContent();
    }
}
