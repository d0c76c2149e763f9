namespace Library.Web.Localization;

/// <summary>Marker for HoldsText.resx (English) and HoldsText.ko.resx (Korean): the holds pages and controls.</summary>
public sealed class HoldsText;
