namespace Library.Web.Localization;

/// <summary>
/// Marker for MudBlazorText.resx: MudBlazor's own strings (grid pager, filter and column menus, date pickers, close
/// buttons…), keyed as in MudBlazor's LanguageResource, so its components speak Korean too.
/// </summary>
public sealed class MudBlazorText;
