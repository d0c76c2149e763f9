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

    public static string Time(IStringLocalizer<JobsText> l, DateTimeOffset? at) =>
        at is { } value ? $"{value.UtcDateTime:yyyy-MM-dd HH:mm:ss} {l["Utc"]}" : string.Empty;

    private static string Or(LocalizedString text, string fallback) => text.ResourceNotFound ? fallback : text.Value;
}
