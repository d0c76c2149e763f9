using System.Globalization;
using Library.Domain.Lending;
using Library.Web.Features.Fines;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Localization;

namespace Library.Web.Localization;

internal static class LocalizationSetup
{
    public static readonly string[] SupportedCultures = ["en", "ko"];

    public static WebApplicationBuilder AddLibraryLocalization(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization();
        builder.Services.AddSingleton<RuleMessages>();
        // The zone is read here so that a wrong Library:TimeZone stops the app at start; the calendar itself is built with the
        // closed days the librarian keeps (IClosedDays, see CalendarModule) and Fines:SkipClosedDays.
        var zone = LibraryTimeZone.ZoneFrom(builder.Configuration);
        builder.Services.AddSingleton(sp => LibraryTimeZone.From(
            zone, sp.GetRequiredService<IClosedDays>(), sp.GetRequiredService<IOptions<FinesOptions>>().Value.SkipClosedDays));
        builder.Services.AddSingleton(sp => new LibraryDates(sp.GetRequiredService<LibraryCalendar>()));
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
        // Sets the culture cookie and goes back. An unsupported culture is ignored; a return address that is not a plain
        // local path ("//host", "/\host", tabs, line breaks) becomes "/", so the switch never redirects off-site or fails.
        app.MapGet("/culture/set", (string? culture, string? returnUrl, HttpContext http, TimeProvider clock) =>
        {
            if (culture is not null && SupportedCultures.Contains(culture))
            {
                http.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { Expires = clock.GetUtcNow().AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax });
            }

            return Results.Redirect(IsLocalPath(returnUrl) ? returnUrl! : "/");
        }).ExcludeFromDescription();
        return app;
    }

    internal static bool IsLocalPath(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);

    public static bool IsKorean => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ko";
}
