namespace Library.Web.Features.Desk;

internal static class DeskModule
{
    public static WebApplicationBuilder AddDeskModule(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<DeskService>();
        builder.Services.AddSingleton<DeskReceiptMailer>();
        builder.Services.AddSingleton<DeskScanKinds>();
        return builder;
    }
}
