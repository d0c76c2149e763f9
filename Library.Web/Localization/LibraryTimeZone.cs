using Library.Domain.Lending;

namespace Library.Web.Localization;

/// <summary><c>Library:TimeZone</c> (an IANA id, default Asia/Seoul): where the library's days begin and end.</summary>
internal static class LibraryTimeZone
{
    public const string Key = "Library:TimeZone";
    public const string Default = "Asia/Seoul";

    /// <summary>The app's calendar: the zone, the closed days the librarian keeps, and <c>Fines:SkipClosedDays</c>.</summary>
    public static LibraryCalendar From(TimeZoneInfo zone, IClosedDays closedDays, bool skipClosedDaysWhenOverdue) =>
        new(zone, closedDays, skipClosedDaysWhenOverdue);

    /// <exception cref="InvalidOperationException">The setting names no known zone (the app stops at start with this message).</exception>
    public static TimeZoneInfo ZoneFrom(IConfiguration configuration)
    {
        var id = configuration[Key] is { Length: > 0 } configured ? configured.Trim() : Default;
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new InvalidOperationException($"{Key} \"{id}\" is not a known IANA time zone id (for example {Default}).", ex);
        }
    }
}
