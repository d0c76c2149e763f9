namespace Library.Web.Localization;

/// <summary>Marker for JobsText.resx: the librarians' Jobs page.</summary>
public sealed class JobsText;
