namespace Library.Web.Localization;

/// <summary>Marker for ReportsText.resx (English) and ReportsText.ko.resx (Korean): the reports page and its CSV headers.</summary>
public sealed class ReportsText;
