using Library.Domain.Catalog.Copies;

namespace Library.Web.Components.Pages.Admin.Copies;

/// <summary>One colour per copy status, the same in the counts and in the table.</summary>
public static class CopyStatusLook
{
    public static MudBlazor.Color Color(CopyStatus status) => status switch
    {
        CopyStatus.Available => MudBlazor.Color.Success,
        CopyStatus.OnLoan => MudBlazor.Color.Info,
        CopyStatus.OnHoldShelf => MudBlazor.Color.Secondary,
        CopyStatus.Lost or CopyStatus.Damaged => MudBlazor.Color.Warning,
        _ => MudBlazor.Color.Default,
    };
}
