namespace Library.Web.Localization;

/// <summary>Marker for DashboardText.resx (English) and DashboardText.ko.resx (Korean).</summary>
public sealed class DashboardText;
