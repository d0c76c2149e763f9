using System.Globalization;

namespace Library.Web.Localization;

/// <summary>
/// Every date and time the UI, notices and e-mails show goes through here: converted to the library's time zone and
/// written in one format per language. Inject it (<c>@inject LibraryDates Dates</c>); never format a date by hand.
/// </summary>
internal sealed class LibraryDates(TimeZoneInfo zone)
{
    public TimeZoneInfo Zone => zone;

    /// <summary>The library-local calendar day of an instant.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);

    /// <summary>The instant in the library's zone.</summary>
    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, zone);

    /// <summary>A calendar date in the current UI culture's format.</summary>
    public string Date(DateTimeOffset instant) => Date(LocalDate(instant));

    public string Date(DateOnly day) => day.ToString("d", CultureInfo.CurrentCulture);

    /// <summary>A date with the time of day (library-local), in the current UI culture's format.</summary>
    public string DateAndTime(DateTimeOffset instant) => ToLocal(instant).DateTime.ToString("g", CultureInfo.CurrentCulture);
}
