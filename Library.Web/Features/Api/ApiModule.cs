using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Library.Web.Features.Api;

internal static class ApiModule
{
    public const string DocumentName = "v1";
    private const string BearerScheme = "Bearer";

    /// <summary>OpenAPI document details: title, the bearer scheme from /api/auth/login, and which operations need it.</summary>
    public static WebApplicationBuilder AddLibraryApi(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<OpenApiOptions>(DocumentName, options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Library API";
                document.Info.Description =
                    "Catalogue, loans and the patron dashboard. Sign in with POST /api/auth/login and send the accessToken as " +
                    "`Authorization: Bearer <token>`. Errors are RFC 7807 problem details: 400 invalid input, 401 not signed in, " +
                    "403 not allowed, 404 unknown id, 409 a library rule prevents the change (the `rule` field names it), 413 body too large, " +
                    "429 busy (`Retry-After`), 503 catalogue unavailable. Writes need the bearer token; the sign-in cookie is accepted for reads " +
                    "only. HEAD works wherever GET does.";
                document.AddComponent<IOpenApiSecurityScheme>(BearerScheme, new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "The accessToken from POST /api/auth/login (the app's sign-in cookie works too).",
                });
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Any())
                {
                    operation.Security ??= [];
                    operation.Security.Add(new OpenApiSecurityRequirement
                    {
                        [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [],
                    });
                }

                return Task.CompletedTask;
            });
            options.AddOperationTransformer(DocumentedProblems.AddAsync);
            options.AddSchemaTransformer((schema, context, _) =>
            {
                // Borrow by bookId or by isbn: one of the two, with quantity.
                if (context.JsonTypeInfo.Type == typeof(BorrowRequest))
                {
                    schema.Required = new HashSet<string> { "quantity" };
                    schema.OneOf =
                    [
                        new OpenApiSchema { Required = new HashSet<string> { "bookId" } },
                        new OpenApiSchema { Required = new HashSet<string> { "isbn" } },
                    ];
                }

                return Task.CompletedTask;
            });
        });
        return builder;
    }
}
