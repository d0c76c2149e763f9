using System.Globalization;
using Library.Domain.Lending;

namespace Library.Web.Localization;

/// <summary>
/// Every date and time the UI, notices and e-mails show goes through here: converted to the library's time zone and
/// written in one format per language (English "Dec 1, 2026 18:05", Korean "2026. 12. 1. 18:05"; 24-hour times).
/// Inject it (<c>@inject LibraryDates Dates</c>); never format a date by hand.
/// </summary>
public sealed class LibraryDates(LibraryCalendar calendar)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public LibraryCalendar Calendar => calendar;

    public TimeZoneInfo Zone => calendar.Zone;

    /// <summary>The zone as people read it, said once where times matter: "Asia/Seoul (UTC+09:00)".</summary>
    public string ZoneName { get; } = calendar.Zone == TimeZoneInfo.Utc
        ? "UTC"
        : $"{calendar.Zone.Id} (UTC{(calendar.Zone.BaseUtcOffset < TimeSpan.Zero ? "-" : "+")}{calendar.Zone.BaseUtcOffset.ToString(@"hh\:mm", CultureInfo.InvariantCulture)})";

    /// <summary>The library-local calendar day of an instant.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => calendar.DayOf(instant);

    /// <summary>The instant in the library's zone.</summary>
    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, calendar.Zone);

    /// <summary>The library-local calendar date of an instant, in the current culture's format.</summary>
    public string Date(DateTimeOffset instant) => Date(LocalDate(instant));

    public string Date(DateOnly day) => day.ToString(Format.Date, Format.Culture);

    /// <summary>The library-local date and 24-hour time of an instant.</summary>
    public string DateAndTime(DateTimeOffset instant) => ToLocal(instant).DateTime.ToString(Format.DateAndTime, Format.Culture);

    /// <summary>Like <see cref="DateAndTime"/> with seconds (jobs, audit).</summary>
    public string DateAndTimeWithSeconds(DateTimeOffset instant) =>
        ToLocal(instant).DateTime.ToString(Format.DateAndTime + ":ss", Format.Culture);

    /// <summary>Whole library days from the day of <paramref name="now"/> to the due day; never negative.</summary>
    public int DaysLeft(DateTimeOffset dueAt, DateTimeOffset now) => Math.Max(0, LocalDate(dueAt).DayNumber - LocalDate(now).DayNumber);

    public int DaysOverdue(DateTimeOffset dueAt, DateTimeOffset now) => OverdueDays.Between(dueAt, now, calendar);

    private static DateFormat Format => CultureInfo.CurrentCulture.TwoLetterISOLanguageName == "ko" ? DateFormat.Korean : DateFormat.English;

    private sealed record DateFormat(CultureInfo Culture, string Date, string DateAndTime)
    {
        public static readonly DateFormat English = new(LibraryDates.English, "MMM d, yyyy", "MMM d, yyyy HH:mm");
        public static readonly DateFormat Korean = new(CultureInfo.GetCultureInfo("ko-KR"), "yyyy. M. d.", "yyyy. M. d. HH:mm");
    }
}
