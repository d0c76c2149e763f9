namespace Library.Web.Localization;

/// <summary>Marker for DeskText.resx: the circulation desk (check-out, check-in, receipts).</summary>
public sealed class DeskText;
