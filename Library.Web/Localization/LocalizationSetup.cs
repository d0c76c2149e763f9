using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Library.Web.Localization;

internal static class LocalizationSetup
{
    public static readonly string[] SupportedCultures = ["en", "ko"];

    public static WebApplicationBuilder AddLibraryLocalization(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization();
        builder.Services.AddSingleton<RuleMessages>();
        var calendar = LibraryTimeZone.From(builder.Configuration);
        builder.Services.AddSingleton(calendar);
        builder.Services.AddSingleton(new LibraryDates(calendar));
        builder.Services.AddTransient<MudBlazor.MudLocalizer, MudBlazorLocalizer>();
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            options.SetDefaultCulture("en")
                .AddSupportedCultures(SupportedCultures)
                .AddSupportedUICultures(SupportedCultures);
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            // Cookie (the switcher) first, then the browser's Accept-Language.
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return builder;
    }

    public static WebApplication MapCultureSwitch(this WebApplication app)
    {
        app.MapGet("/culture/set", (string culture, string? returnUrl, HttpContext http) =>
        {
            if (SupportedCultures.Contains(culture))
            {
                http.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax });
            }

            var target = string.IsNullOrEmpty(returnUrl) || !returnUrl.StartsWith('/') || returnUrl.StartsWith("//") ? "/" : returnUrl;
            return Results.LocalRedirect(target);
        }).ExcludeFromDescription();
        return app;
    }

    public static bool IsKorean => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ko";
}
