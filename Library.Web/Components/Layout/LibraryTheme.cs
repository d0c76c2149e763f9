using MudBlazor;

namespace Library.Web.Components.Layout;

internal static class LibraryTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#2E5E4E",
            Secondary = "#B5651D",
            AppbarBackground = "#2E5E4E",
            Background = "#F7F5F0",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["Roboto", "Noto Sans KR", "Apple SD Gothic Neo", "Malgun Gothic", "sans-serif"],
            },
        },
    };
}
