using Library.Web.Infrastructure.Security;

namespace Library.Web.Features.Covers;

internal static class CoversModule
{
    public static WebApplicationBuilder AddCoversModule(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CoverOptions>().Bind(builder.Configuration.GetSection(CoverOptions.Section))
            .Validate(o => o.MaxBytes > 0 && o.SmallWidth is >= 16 and <= 2000 && o.LargeWidth is >= 16 and <= 2000 && o.Quality is >= 1 and <= 100,
                "Covers: MaxBytes > 0, SmallWidth and LargeWidth 16-2000, Quality 1-100.")
            .ValidateOnStart();
        builder.Services.AddSingleton<CoverImages>();
        builder.Services.AddScoped<CoverQueries>();
        builder.Services.AddScoped<CoverService>();
        // Cover uploads are larger than the API's JSON bodies: the endpoint itself refuses more than Covers:MaxBytes with 400.
        builder.Services.AddSingleton(sp => new ApiBodyLimitException(
            request => HttpMethods.IsPut(request.Method) && IsCoverPath(request.Path),
            () => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<CoverOptions>>().Value.MaxBytes + 64 * 1024));
        return builder;
    }

    private static bool IsCoverPath(PathString path) =>
        path.Value is { } p && p.StartsWith("/api/books/", StringComparison.OrdinalIgnoreCase)
                            && p.EndsWith("/cover", StringComparison.OrdinalIgnoreCase)
                            && int.TryParse(p.AsSpan()["/api/books/".Length..^"/cover".Length], out _);
}
