using Library.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Library.Web.Features.Api;

/// <summary>
/// Operation transformer: every error status an operation can answer, each with the problem-details schema. The statuses
/// follow from what the pipeline does, so the list stays right as endpoints are added (the drift tests compare it with
/// what the API really answers):
/// 400 any input (query or body) · 401 needs sign-in · 403 librarian-only, and every write (cookie-authenticated writes are
/// refused) · 404 an id in the path · 409 a library rule (writes outside /api/auth) · 413 a body over the limit ·
/// 429 borrow and return (per-patron and global throttle) and sign-in (failed sign-ins throttle) · 503 catalogue search while the catalogue is unavailable.
/// </summary>
internal static class DocumentedProblems
{
    private static readonly Dictionary<int, string> Descriptions = new()
    {
        [400] = "Invalid input (problem details with field errors).",
        [401] = "Not signed in (or the sign-in failed).",
        [403] = "Not allowed: librarian only, or a write authenticated by the sign-in cookie instead of a bearer token.",
        [404] = "Unknown id, or an id the caller may not see.",
        [409] = "A library rule prevents this (the `rule` field names it).",
        [413] = "The request body is too large.",
        [429] = "Too many requests; try again after `Retry-After` seconds.",
        [503] = "The catalogue is temporarily unavailable; try again after `Retry-After` seconds.",
    };

    public static async Task AddAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var description = context.Description;
        var path = "/" + (description.RelativePath ?? string.Empty).TrimEnd('/');
        var isWrite = !string.Equals(description.HttpMethod, HttpMethods.Get, StringComparison.OrdinalIgnoreCase);
        var hasBody = description.ParameterDescriptions.Any(p => p.Source.Id == "Body");
        var hasQuery = description.ParameterDescriptions.Any(p => p.Source.Id == "Query");
        var authorize = description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().ToList();
        var isAuth = path.StartsWith("/api/auth", StringComparison.OrdinalIgnoreCase);

        var statuses = new SortedSet<int>();
        AddIf(statuses, 400, hasBody || hasQuery || isAuth);
        AddIf(statuses, 401, authorize.Count > 0 || isAuth);
        AddIf(statuses, 403, isWrite || authorize.Any(a => a.Policy == IdentityRegistration.LibrarianPolicy));
        AddIf(statuses, 404, path.Contains('{', StringComparison.Ordinal));
        AddIf(statuses, 409, isWrite && !isAuth);
        AddIf(statuses, 413, isWrite && hasBody);
        AddIf(statuses, 429, isWrite && (path == "/api/loans" || path.EndsWith("/return", StringComparison.Ordinal)
                                         || path.Equals("/api/auth/login", StringComparison.OrdinalIgnoreCase)));
        AddIf(statuses, 503, !isWrite && path == "/api/books");

        var schema = await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), cancellationToken: ct);
        operation.Responses ??= [];
        foreach (var status in statuses)
        {
            var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (operation.Responses.TryGetValue(key, out var existing) && existing.Content?.ContainsKey("application/problem+json") == true)
            {
                continue;
            }

            operation.Responses[key] = new OpenApiResponse
            {
                Description = existing?.Description is { Length: > 0 } known ? known : Descriptions[status],
                Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = schema } },
            };
        }
    }

    private static void AddIf(SortedSet<int> statuses, int status, bool condition)
    {
        if (condition)
        {
            statuses.Add(status);
        }
    }
}
