namespace Library.Web.Localization;

/// <summary>Marker for CoversText.resx (English) and CoversText.ko.resx (Korean).</summary>
public sealed class CoversText;
