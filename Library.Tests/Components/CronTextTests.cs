using System.Globalization;
using Library.Web.Components.Pages.Admin.Jobs;
using Library.Web.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Library.Tests.Components;

public sealed class CronTextTests
{
    private static string Describe(string cron, string culture)
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            using var services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
            return CronText.Describe(services.GetRequiredService<IStringLocalizer<JobsText>>(), cron);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }

    [Theory]
    [InlineData("0 0 * * * ?", "Every hour on the hour")]
    [InlineData("0 30 * * * ?", "Every hour at :30")]
    [InlineData("0 5 * * * ?", "Every hour at :05")]
    [InlineData("0/30 * * * * ?", "Every 30 seconds")]
    [InlineData("*/1 * * * * ?", "Every second")]
    [InlineData("0 */15 * * * ?", "Every 15 minutes")]
    [InlineData("0 * * * * ?", "Every minute")]
    [InlineData("0 0 2 * * ?", "Every day at 02:00")]
    [InlineData("0 45 18 ? * *", "Every day at 18:45")]
    [InlineData("0 0 9 ? * MON", "Every Monday at 09:00")]
    [InlineData("0 0 9 ? * 2,4", "Every Monday, Wednesday at 09:00")]
    [InlineData("0 30 7 ? * MON-FRI *", "Every Monday, Tuesday, Wednesday, Thursday, Friday at 07:30")]
    public void Common_schedules_read_as_words_in_English(string cron, string expected) =>
        Assert.Equal(expected, Describe(cron, "en-US"));

    [Theory]
    [InlineData("0 0 * * * ?", "매시 정각")]
    [InlineData("0 30 * * * ?", "매시 30분")]
    [InlineData("0 5 * * * ?", "매시 5분")]
    [InlineData("0/30 * * * * ?", "30초마다")]
    [InlineData("0 */15 * * * ?", "15분마다")]
    [InlineData("0 * * * * ?", "매분")]
    [InlineData("0 0 2 * * ?", "매일 02:00")]
    [InlineData("0 0 9 ? * MON", "매주 월요일 09:00")]
    public void Common_schedules_read_as_words_in_Korean(string cron, string expected) =>
        Assert.Equal(expected, Describe(cron, "ko-KR"));

    [Theory]
    [InlineData("0 0 12 1 * ?")] // monthly
    [InlineData("0 0 12 ? 1 MON")] // in January only
    [InlineData("15 0 * * * ?")] // hourly at a second past
    [InlineData("0 0 8-17 * * ?")] // office hours
    [InlineData("0 0 12 ? * MON#2")] // second Monday
    [InlineData("0 0 12 * * ? 2027")]
    [InlineData("not a cron")]
    [InlineData("")]
    public void Anything_else_is_shown_as_written(string cron)
    {
        Assert.Equal(cron, Describe(cron, "en-US"));
        Assert.Equal(cron, Describe(cron, "ko-KR"));
    }
}
