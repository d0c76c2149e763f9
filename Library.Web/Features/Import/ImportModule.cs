namespace Library.Web.Features.Import;

internal static class ImportModule
{
    public static WebApplicationBuilder AddImportModule(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<ImportOptions>(builder.Configuration.GetSection(ImportOptions.Section));
        builder.Services.AddScoped<ImportService>();
        builder.Services.AddScoped<ImportMessages>();
        return builder;
    }
}
