using Library.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Library.Web.Features.Notices;

/// <summary>
/// What a due-soon reminder says about renewal, from the notice's <see cref="Notification.Reason"/>: nothing more when the
/// library does not auto-renew; that the loan will be renewed on its due day; or why it will not be (a rule code).
/// </summary>
internal static class DueSoonText
{
    public static string Body(IStringLocalizer<NoticesText> text, string? reason, string due)
    {
        var main = text["Notice.DueSoon.Body", due].Value;
        if (reason is null)
        {
            return main;
        }

        var why = text["Notice.DueSoon.Renewal." + reason];
        return main + " " + (why.ResourceNotFound ? text["Notice.DueSoon.Renewal.Other"].Value : why.Value);
    }
}
