namespace Library.Web.Localization;

/// <summary>Marker for AdminText.resx: the librarian's admin area (books, patrons, loans, fees, audit log).</summary>
public sealed class AdminText;
