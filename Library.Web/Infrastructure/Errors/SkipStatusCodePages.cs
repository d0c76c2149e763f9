using Microsoft.AspNetCore.Http.Metadata;

namespace Library.Web.Infrastructure.Errors;

/// <summary>Endpoint metadata: an empty error answer stays as it is instead of being re-executed as an HTML error page.</summary>
internal sealed class SkipStatusCodePages : ISkipStatusCodePagesMetadata
{
    public static readonly SkipStatusCodePages Instance = new();
}
