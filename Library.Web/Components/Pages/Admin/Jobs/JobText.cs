using Library.Web.Infrastructure.Jobs;
using Library.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Library.Web.Components.Pages.Admin.Jobs;

/// <summary>Localized names, counts and times for the Jobs page.</summary>
internal static class JobText
{
    public static string Name(IStringLocalizer<JobsText> l, string job) => Or(l[$"Job.{job}"], job);

    public static string Description(IStringLocalizer<JobsText> l, string job) => Or(l[$"Job.{job}.Description"], string.Empty);

    public static string TriggeredBy(IStringLocalizer<JobsText> l, string triggeredBy) => triggeredBy switch
    {
        JobTriggers.Schedule or JobTriggers.Startup or JobTriggers.Manual => l[$"TriggeredBy.{triggeredBy}"],
        _ => l["TriggeredBy.User", triggeredBy],
    };

    public static string Counts(IStringLocalizer<JobsText> l, IReadOnlyDictionary<string, int> counts) =>
        counts.Count == 0 ? l["Nothing"] : string.Join(" · ", counts.Select(c => $"{c.Value:N0} {Or(l[$"Count.{c.Key}"], c.Key)}"));

    /// <summary>Library-local time; the page says the zone once (JobsText "TimesIn").</summary>
    public static string Time(LibraryDates dates, DateTimeOffset? at) => at is { } value ? dates.DateAndTimeWithSeconds(value) : string.Empty;

    private static string Or(LocalizedString text, string fallback) => text.ResourceNotFound ? fallback : text.Value;
}
