namespace Library.Web.Localization;

/// <summary>Marker for ExportText.resx (English) and ExportText.ko.resx (Korean): CSV downloads and their headers.</summary>
public sealed class ExportText;
