using System.Security.Claims;
using Library.Web.Features.Admin;
using Library.Web.Infrastructure.Identity;
using Library.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Library.Web.Features.Covers;

/// <summary>A title's cover: anyone reads it (like the catalogue), a librarian sets or removes it.</summary>
internal static class CoverEndpoints
{
    public const string Route = "/api/books/{id:int}/cover";
    private static readonly string[] ImageTypes = ["image/jpeg", "image/png", "image/webp"];

    public static WebApplication MapCoverApi(this WebApplication app)
    {
        app.MapGet(Route, GetCover).WithTags("Books").WithName("GetCover")
            .WithSummary("A title's cover thumbnail")
            .WithDescription("`size=small` (160 px wide, the default) or `large` (480 px), as WebP. Strong `ETag`; `If-None-Match` answers 304. " +
                             "With `v` equal to the title's `coverVersion` the answer is cached for a year (the URL changes with the cover), " +
                             "without it for `Covers:UnversionedMaxAgeSeconds`. 404 when the title has no cover (`coverVersion` is null).")
            .Produces(StatusCodes.Status200OK, contentType: CoverImages.ContentType)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesValidationProblem();

        var librarian = app.MapGroup(string.Empty).WithTags("Books (librarian)").RequireAuthorization(IdentityRegistration.LibrarianPolicy);
        librarian.MapPut(Route, PutCover).WithName("PutCover")
            .WithSummary("Set a title's cover (audited)")
            .WithDescription("The body is the image itself (not multipart), with `Content-Type` image/jpeg, image/png or image/webp, at most " +
                             "`Covers:MaxBytes` (2 MiB). The bytes are decoded: anything that is not a JPEG, PNG or WebP of 16 to 6000 pixels a side " +
                             "is refused with 400 (`problem` names why); the upload is re-encoded as thumbnails and never kept. Answers the new `version`.")
            .Accepts<Stream>(ImageTypes[0], ImageTypes[1..])
            .ProducesValidationProblem();
        librarian.MapDelete(Route, DeleteCover).WithName("DeleteCover")
            .WithSummary("Remove a title's cover (audited)")
            .WithDescription("204 also when the title had none; 404 for an unknown title.");
        return app;
    }

    private static async Task<IResult> GetCover(
        int id, string? size, string? v, HttpContext http, CoverQueries queries, IOptions<CoverOptions> options, CancellationToken ct)
    {
        if (!TryParseSize(size, out var coverSize))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["size"] = ["size is small or large."] });
        }

        var cover = await queries.FindAsync(id, coverSize, ct) ?? throw new NotFoundException("Cover", id);
        var etag = new EntityTagHeaderValue($"\"{cover.Version}-{(coverSize == CoverSize.Small ? "s" : "l")}\"");
        var response = http.Response;
        response.Headers.ETag = etag.ToString();
        response.Headers.CacheControl = v == cover.Version
            ? "public, max-age=31536000, immutable"
            : $"public, max-age={options.Value.UnversionedMaxAgeSeconds}";
        var ifNoneMatch = http.Request.GetTypedHeaders().IfNoneMatch;
        if (ifNoneMatch.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: true)))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.Bytes(cover.Bytes, cover.ContentType, lastModified: cover.UpdatedAt);
    }

    private static async Task<Results<Ok<CoverVersionResponse>, ValidationProblem>> PutCover(
        int id, HttpRequest request, ClaimsPrincipal user, CoverService service, IOptions<CoverOptions> options,
        IStringLocalizer<CoversText> t, CancellationToken ct)
    {
        if (request.ContentType is not { } type || !type.StartsWith("image/", StringComparison.OrdinalIgnoreCase))
        {
            return Problem(t, "body", CoverProblem.NotAnImage);
        }

        var upload = await ReadUpToAsync(request.Body, options.Value.MaxBytes + 1, ct);
        try
        {
            var version = await service.UploadAsync(id, upload, Actor.Librarian(user), ct);
            return TypedResults.Ok(new CoverVersionResponse(version));
        }
        catch (InvalidCoverException ex)
        {
            return Problem(t, "body", ex.Problem);
        }
    }

    private static async Task<NoContent> DeleteCover(int id, ClaimsPrincipal user, CoverService service, CancellationToken ct)
    {
        await service.RemoveAsync(id, Actor.Librarian(user), ct);
        return TypedResults.NoContent();
    }

    private static ValidationProblem Problem(IStringLocalizer<CoversText> t, string field, CoverProblem problem) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [field] = [t[$"Problem.{problem}"]] },
            title: "The upload is not a usable cover image.",
            extensions: new Dictionary<string, object?> { ["problem"] = problem.ToString() });

    /// <summary>Reads at most <paramref name="limit"/> bytes (one more than allowed tells an oversized upload apart).</summary>
    private static async Task<byte[]> ReadUpToAsync(Stream body, int limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length < limit && (read = await body.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit - buffer.Length)), ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static bool TryParseSize(string? size, out CoverSize coverSize)
    {
        coverSize = CoverSize.Small;
        return size is null || Enum.TryParse(size, ignoreCase: true, out coverSize) && Enum.IsDefined(coverSize);
    }
}

public sealed record CoverVersionResponse(string Version);
