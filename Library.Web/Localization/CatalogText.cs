namespace Library.Web.Localization;

/// <summary>Marker for CatalogText.resx (English) and CatalogText.ko.resx (Korean).</summary>
public sealed class CatalogText;
