using MudBlazor;
using MudBlazor.Services;

namespace Library.Web.Components.Layout;

/// <summary>Snackbars stack at the bottom centre, at most three at a time, so they never pile up over search boxes and filters.</summary>
internal static class SnackbarSetup
{
    public static void Configure(MudServicesConfiguration services)
    {
        var snackbars = services.SnackbarConfiguration;
        snackbars.PositionClass = Defaults.Classes.Position.BottomCenter;
        snackbars.MaxDisplayedSnackbars = 3;
        snackbars.NewestOnTop = false;
        snackbars.ShowCloseIcon = true;
        snackbars.PreventDuplicates = true;
        snackbars.VisibleStateDuration = 5000;
    }
}
