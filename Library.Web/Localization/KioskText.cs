namespace Library.Web.Localization;

/// <summary>Marker for KioskText.resx: the self-check kiosk (/kiosk), its receipt e-mail, and the librarians' Kiosks page.</summary>
public sealed class KioskText;
