namespace Library.Web.Features.Export;

internal static class ExportModule
{
    public static WebApplicationBuilder AddExports(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ExportSheets>();
        return builder;
    }
}
