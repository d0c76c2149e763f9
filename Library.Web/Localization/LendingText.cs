namespace Library.Web.Localization;

/// <summary>Marker for LendingText.resx (English) and LendingText.ko.resx (Korean).</summary>
public sealed class LendingText;
