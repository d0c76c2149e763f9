using Microsoft.AspNetCore.Mvc;

namespace Library.Web.Infrastructure.Security;

/// <summary>
/// JSON bodies under /api are small; anything over <c>Api:MaxRequestBodyBytes</c> (64 KiB by default) answers 413 problem
/// details before an endpoint reads it. A declared length is checked at once; a chunked body is read up to the limit.
/// </summary>
internal static class ApiRequestBodyLimit
{
    public const int DefaultMaxBytes = 64 * 1024;

    public static IApplicationBuilder UseApiRequestBodyLimit(this IApplicationBuilder app, IConfiguration configuration)
    {
        var max = configuration.GetValue("Api:MaxRequestBodyBytes", DefaultMaxBytes);
        return app.Use(async (context, next) =>
        {
            var request = context.Request;
            // The import takes files up to its own limit (Import:MaxBytes) and checks it itself.
            if (!request.Path.StartsWithSegments("/api") || request.ContentLength == 0 || HttpMethods.IsGet(request.Method)
                || request.Path.StartsWithSegments("/api/admin/books/import"))
            {
                await next(context);
                return;
            }

            if (request.ContentLength > max || (request.ContentLength is null && !await BufferUpToAsync(context, max)))
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status413PayloadTooLarge,
                        Title = "The request body is too large.",
                        Detail = $"Request bodies of the API are at most {max} bytes.",
                    },
                });
                return;
            }

            await next(context);
        });
    }

    /// <summary>Reads a body of unknown length into memory; false (and nothing kept) when it passes the limit.</summary>
    private static async Task<bool> BufferUpToAsync(HttpContext context, int max)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return false;
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        context.Request.Body = buffer;
        context.Response.RegisterForDispose(buffer);
        return true;
    }
}
