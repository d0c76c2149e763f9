namespace Library.Web.Localization;

/// <summary>Marker for CopiesText.resx: copies of a title, barcode labels, library cards and fee kinds.</summary>
public sealed class CopiesText;
