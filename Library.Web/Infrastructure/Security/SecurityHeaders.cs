using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Components;

namespace Library.Web.Infrastructure.Security;

/// <summary>
/// Headers on every response (pages, API, static files): no MIME sniffing, referrer trimmed to the origin across sites,
/// and a Content-Security-Policy. Pages allow scripts from this origin only (plus the import map's hash); MudBlazor sets inline style attributes, so
/// styles also allow 'unsafe-inline'. The API reference page (Scalar) runs an inline start-up script and gets its own policy.
/// </summary>
internal static class SecurityHeaders
{
    public const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    public const string ApiDocsPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'self'";

    private static (ImportMapDefinition Map, string Policy)? _withImportMap;

    /// <summary>
    /// Blazor's &lt;ImportMap /&gt; renders the page endpoint's import map as an inline script; its hash is allowed, nothing else
    /// inline. The map is fixed for the app's lifetime (fingerprinted static assets), so the hash is computed once.
    /// </summary>
    private static string PolicyFor(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<ImportMapDefinition>() is not { } map)
        {
            return PagePolicy;
        }

        if (_withImportMap is { } cached && ReferenceEquals(cached.Map, map))
        {
            return cached.Policy;
        }

        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(map.ToString())));
        var policy = PagePolicy.Replace("script-src 'self'", $"script-src 'self' 'sha256-{hash}'", StringComparison.Ordinal);
        _withImportMap = (map, policy);
        return policy;
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/api/docs") ? ApiDocsPolicy : PolicyFor(context);
            return Task.CompletedTask;
        });
        return next(context);
    });
}
