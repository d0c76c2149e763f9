using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Library.Web.Localization;

/// <summary>
/// Gives MudBlazor's components our translations (MudBlazorText.resx) for the current UI culture; a key we do not know
/// is reported as not found, so MudBlazor falls back to its built-in English.
/// </summary>
internal sealed class MudBlazorLocalizer(IStringLocalizer<MudBlazorText> text) : MudLocalizer
{
    public override LocalizedString this[string key] => text[key];
}
