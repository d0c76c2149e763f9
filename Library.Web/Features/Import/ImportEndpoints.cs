using System.Security.Claims;
using Library.Web.Features.Admin;
using Library.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Library.Web.Features.Import;

/// <param name="Line">The CSV line or MARC record number, 1-based.</param>
/// <param name="Error">"Field: message" in the request's language.</param>
internal sealed record ImportRejection(int Line, string Error);

internal sealed record ImportResponse(int Imported, int Updated, int Skipped, IReadOnlyList<ImportRejection> Rejected);

/// <summary>POST /api/admin/books/import: the file is the request body (CSV, MARC 21 or MARCXML, detected from the content).</summary>
internal static class ImportEndpoints
{
    public static readonly string[] ContentTypes = ["text/csv", "application/marc", "application/marcxml+xml", "application/octet-stream"];

    public const string Path = "/api/admin/books/import";

    public static WebApplication MapImportApi(this WebApplication app)
    {
        app.MapPost(Path, ImportAsync)
            .WithTags("Admin")
            .RequireAuthorization(IdentityRegistration.LibrarianPolicy)
            .Accepts<byte[]>(ContentTypes[0], ContentTypes[1..])
            .WithSummary("Import titles from a CSV, MARC 21 (ISO 2709) or MARCXML file (audited)")
            .WithDescription(
                "The file is the request body, at most Import:MaxBytes (20 MB); its format is detected from the content. mode=add (default) " +
                "skips ISBNs already in the catalogue, mode=update gives them the file's values (total copies never below the copies on loan " +
                "or on the hold shelf; such rows are rejected). dryRun=true reports the same counts and writes nothing. encoding=auto|utf-8|cp949 " +
                "for CSV. 400 for a file that cannot be imported at all (nothing changes), 413 for one over the limit.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return app;
    }

    private static async Task<Results<Ok<ImportResponse>, ProblemHttpResult, ValidationProblem>> ImportAsync(
        HttpRequest request, ClaimsPrincipal user, ImportService service, ImportMessages messages,
        string? mode, bool? dryRun, string? encoding, string? fileName, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var importMode = mode?.Trim().ToLowerInvariant() switch
        {
            null or "" or "add" => ImportMode.Add,
            "update" => ImportMode.Update,
            _ => (ImportMode?)null,
        };
        if (importMode is null)
        {
            errors["mode"] = ["mode is add or update."];
        }

        var importEncoding = ImportDecoding.ParseEncoding(encoding);
        if (importEncoding is null)
        {
            errors["encoding"] = ["encoding is auto, utf-8 or cp949."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var content = await ReadBodyAsync(request, service.MaxBytes, ct);
        if (content is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The request body is too large.",
                detail: messages.File(new ImportFileUnreadableException("Import.File.TooLarge", ImportFileReader.Megabytes(service.MaxBytes))));
        }

        try
        {
            var outcome = await service.RunAsync(
                new ImportRequest(content, fileName, importMode!.Value, importEncoding!.Value, dryRun ?? false), Actor.Librarian(user), null, ct);
            return TypedResults.Ok(new ImportResponse(outcome.Imported, outcome.Updated, outcome.Skipped,
                outcome.Rejected.Select(p => new ImportRejection(p.Line, messages.FieldAndProblem(p))).ToList()));
        }
        catch (ImportFileUnreadableException unreadable)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: messages.File(unreadable),
                extensions: new Dictionary<string, object?> { ["code"] = unreadable.Code });
        }
    }

    /// <summary>The body, or null when it is over <paramref name="max"/> bytes (declared or as read).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, long max, CancellationToken ct)
    {
        if (request.ContentLength > max)
        {
            return null;
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = max + 1;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
