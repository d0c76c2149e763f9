using Library.Web.Infrastructure.Security;
using Microsoft.Extensions.Options;

namespace Library.Web.Features.Import;

internal static class ImportModule
{
    public static WebApplicationBuilder AddImportModule(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<ImportOptions>(builder.Configuration.GetSection(ImportOptions.Section));
        builder.Services.AddScoped<ImportService>();
        builder.Services.AddScoped<ImportMessages>();
        // Import files are larger than the API's JSON bodies: the endpoint itself refuses more than Import:MaxBytes.
        builder.Services.AddSingleton(sp => new ApiBodyLimitException(
            request => HttpMethods.IsPost(request.Method) && request.Path.Equals("/api/admin/books/import", StringComparison.OrdinalIgnoreCase),
            () => (int)Math.Min(int.MaxValue, sp.GetRequiredService<IOptions<ImportOptions>>().Value.MaxBytes + 64 * 1024)));
        return builder;
    }
}
