namespace Library.Web.Localization;

/// <summary>Marker for NoticesText.resx: patron notices (bell, notices page, e-mails).</summary>
public sealed class NoticesText;
