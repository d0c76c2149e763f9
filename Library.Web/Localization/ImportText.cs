namespace Library.Web.Localization;

/// <summary>Marker for ImportText.resx (English) and ImportText.ko.resx (Korean): the import page and its problems.</summary>
public sealed class ImportText;
