namespace Library.Web.Features.Kiosk;

internal static class KioskModule
{
    /// <summary>Self-check stations (/kiosk) and their authorisation by librarians (/admin/kiosks).</summary>
    public static WebApplicationBuilder AddKioskModule(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<KioskOptions>(builder.Configuration.GetSection(KioskOptions.Section));
        services.AddScoped<KioskDevices>();
        services.AddScoped<KioskSignIn>();
        services.AddSingleton<KioskReceiptMailer>();
        return builder;
    }
}
