using System.Globalization;

namespace Library.Web.Components.Pages.Admin.Reports;

/// <summary>X-axis labels for charts: short day labels, thinned so at most about a dozen show (the table has every day).</summary>
internal static class ChartLabels
{
    public static string[] Days(IReadOnlyList<DateOnly> days)
    {
        var step = Math.Max(1, (int)Math.Ceiling(days.Count / 12.0));
        return days.Select((d, i) => i % step == 0 ? d.ToString("M/d", CultureInfo.InvariantCulture) : string.Empty).ToArray();
    }

    public static string Month(int year, int month) =>
        new DateOnly(year, month, 1).ToString(CultureInfo.CurrentCulture.TwoLetterISOLanguageName == "ko" ? "yyyy. M." : "MMM yyyy", CultureInfo.CurrentCulture);

    public static string Weekday(DayOfWeek day) => CultureInfo.CurrentCulture.DateTimeFormat.GetAbbreviatedDayName(day);
}
