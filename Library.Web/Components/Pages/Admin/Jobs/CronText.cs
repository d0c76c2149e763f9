using System.Globalization;
using Library.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Library.Web.Components.Pages.Admin.Jobs;

/// <summary>
/// A Quartz cron (seconds minutes hours day-of-month month day-of-week [year]) in words, for the shapes a library uses:
/// every N seconds or minutes, hourly at :MM, daily at HH:MM, weekly on some days. Anything else is shown as written.
/// </summary>
internal static class CronText
{
    private static readonly string[] DayCodes = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    public static string Describe(IStringLocalizer<JobsText> l, string cron) => TryDescribe(l, cron) ?? cron;

    private static string? TryDescribe(IStringLocalizer<JobsText> l, string cron)
    {
        var f = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (f.Length is not (6 or 7) || (f.Length == 7 && f[6] != "*") || f[4] != "*")
        {
            return null;
        }

        var (sec, min, hour, dom, dow) = (f[0], f[1], f[2], f[3], f[5]);
        var everyDay = dom is "*" or "?" && dow is "*" or "?";
        if (!everyDay && !(dom == "?" && Days(dow) is not null))
        {
            return null;
        }

        if (everyDay && min == "*" && hour == "*" && Step(sec) is { } seconds)
        {
            return seconds == 1 ? l["Cron.EverySecond"] : l["Cron.EverySeconds", seconds];
        }

        if (sec != "0")
        {
            return null;
        }

        if (everyDay && hour == "*" && (min == "*" || Step(min) == 1))
        {
            return l["Cron.EveryMinute"];
        }

        if (everyDay && hour == "*" && Step(min) is { } minutes)
        {
            return l["Cron.EveryMinutes", minutes];
        }

        if (Number(min, 59) is not { } minute)
        {
            return null;
        }

        if (everyDay && hour == "*")
        {
            return minute == 0 ? l["Cron.Hourly"] : l["Cron.HourlyAt", minute];
        }

        if (Number(hour, 23) is not { } h)
        {
            return null;
        }

        var time = new TimeOnly(h, minute).ToString("HH:mm", CultureInfo.InvariantCulture);
        if (everyDay)
        {
            return l["Cron.Daily", time];
        }

        var names = Days(dow)!.Select(d => CultureInfo.CurrentCulture.DateTimeFormat.GetDayName(d));
        return l["Cron.Weekly", string.Join(l["Cron.DaySeparator"], names), time];
    }

    /// <summary>"*/N" or "0/N": every N units starting at 0.</summary>
    private static int? Step(string field)
    {
        var parts = field.Split('/');
        return parts.Length == 2 && parts[0] is "*" or "0" && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : null;
    }

    private static int? Number(string field, int max) =>
        int.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= max ? n : null;

    /// <summary>A day-of-week list ("MON", "MON,WED", "2", "MON-FRI"); Quartz numbers days 1 (Sunday) to 7 (Saturday).</summary>
    private static List<DayOfWeek>? Days(string field)
    {
        var days = new List<DayOfWeek>();
        foreach (var part in field.Split(','))
        {
            var range = part.Split('-');
            if (range.Length > 2 || Day(range[0]) is not { } from || Day(range[^1]) is not { } to || to < from)
            {
                return null;
            }

            for (var d = from; d <= to; d++)
            {
                days.Add((DayOfWeek)d);
            }
        }

        return days.Count is > 0 and < 7 ? days.Distinct().ToList() : null;
    }

    private static int? Day(string token)
    {
        var named = Array.IndexOf(DayCodes, token.ToUpperInvariant());
        if (named >= 0)
        {
            return named;
        }

        return int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 7 ? n - 1 : null;
    }
}
