using MudBlazor;

namespace Library.Web.Components.Layout;

internal static class LibraryTheme
{
    // Noto Sans KR is served from wwwroot/fonts (Latin + Korean subsets), so Korean renders on machines without Korean fonts.
    private static readonly string[] FontFamily = ["Noto Sans KR", "Apple SD Gothic Neo", "Malgun Gothic", "Roboto", "sans-serif"];

    // Status colours are dark enough for white text on them (chips, snackbars, filled buttons: ≥ 5:1) and for coloured
    // text on the page background (≥ 4.5:1, WCAG AA); MudBlazor's defaults are 2–3.7:1.
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#2E5E4E",
            Secondary = "#A14F12",
            Success = "#1B6E3A",
            Warning = "#8A5300",
            Info = "#0B5CAD",
            Error = "#B3261E",
            AppbarBackground = "#2E5E4E",
            Background = "#F7F5F0",
        },
        Typography = WithFont(new Typography()),
    };

    private static Typography WithFont(Typography typography)
    {
        BaseTypography[] all =
        [
            typography.Default, typography.H1, typography.H2, typography.H3, typography.H4, typography.H5, typography.H6,
            typography.Subtitle1, typography.Subtitle2, typography.Body1, typography.Body2, typography.Button,
            typography.Caption, typography.Overline,
        ];
        foreach (var style in all)
        {
            style.FontFamily = FontFamily;
        }

        return typography;
    }
}
