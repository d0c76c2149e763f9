using System.Globalization;
using System.Net;
using System.Text;
using Library.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Library.Web.Features.Notices;

/// <summary>
/// Writes a notice as an e-mail in English and Korean, one after the other: the app does not know which language a
/// patron reads outside a browser session, and both together are shorter than a wrong guess.
/// </summary>
internal sealed class NoticeEmailComposer(IStringLocalizer<NoticesText> text, LibraryDates dates)
{
    private static readonly CultureInfo[] Languages = [CultureInfo.GetCultureInfo("en"), CultureInfo.GetCultureInfo("ko")];

    public NoticeEmail Compose(Notification notice, string to, string displayName, DateTimeOffset now)
    {
        var parts = Languages.Select(culture => Render(notice, displayName, culture)).ToList();
        var subject = string.Join(" / ", parts.Select(p => p.Subject));
        var textBody = string.Join("\n\n--------\n\n", parts.Select(p => p.Text));
        var html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">");
        foreach (var (part, index) in parts.Select((p, i) => (p, i)))
        {
            if (index > 0)
            {
                html.Append("<hr>");
            }

            html.Append("<div lang=\"").Append(Languages[index].TwoLetterISOLanguageName).Append("\">");
            foreach (var paragraph in part.Text.Split("\n\n"))
            {
                html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph)).Append("</p>");
            }

            html.Append("</div>");
        }

        html.Append("</body></html>");
        return new NoticeEmail(notice.Id, to, displayName, subject, textBody, html.ToString(), now);
    }

    private string Due(Notification notice) => notice.DueAt is { } due ? dates.Date(due) : string.Empty;

    private (string Subject, string Text) Render(Notification notice, string displayName, CultureInfo culture)
    {
        var (previous, previousFormat) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = culture;
        CultureInfo.CurrentCulture = culture;
        try
        {
            var (subject, body) = notice.Kind switch
            {
                NoticeKind.LoanOverdue => (
                    text["Email.Overdue.Subject", notice.BookTitle].Value,
                    text["Email.Overdue.Body", notice.BookTitle, notice.DueAt is { } due ? dates.Date(due) : string.Empty, Won.Format(notice.Amount)].Value),
                NoticeKind.LateFeeCharged => (
                    text["Email.Fee.Subject", Won.Format(notice.Amount), notice.BookTitle].Value,
                    text.Plural("Email.Fee.Body", notice.DaysOverdue, Won.Format(notice.Amount), notice.BookTitle, notice.DaysOverdue).Value),
                NoticeKind.HoldReady => (
                    text["Email.HoldReady.Subject", notice.BookTitle].Value,
                    text["Email.HoldReady.Body", notice.BookTitle, notice.DueAt is { } until ? dates.Date(until) : string.Empty].Value),
                NoticeKind.HoldExpired => (
                    text["Email.HoldExpired.Subject", notice.BookTitle].Value,
                    text["Email.HoldExpired.Body", notice.BookTitle].Value),
                NoticeKind.HoldCancelled => (
                    text["Email.HoldCancelled.Subject", notice.BookTitle].Value,
                    string.IsNullOrWhiteSpace(notice.Reason)
                        ? text["Email.HoldCancelled.Body.NoReason", notice.BookTitle].Value
                        : text["Email.HoldCancelled.Body", notice.BookTitle, notice.Reason].Value),
                NoticeKind.DueSoon => (
                    text["Email.DueSoon.Subject", notice.BookTitle].Value,
                    text["Email.DueSoon.Body", notice.BookTitle, Due(notice)].Value + " " + DueSoonText.Body(text, notice.Reason, Due(notice))),
                NoticeKind.LoanAutoRenewed => (
                    text["Email.AutoRenewed.Subject", notice.BookTitle].Value,
                    text["Email.AutoRenewed.Body", notice.BookTitle, Due(notice)].Value),
                _ => throw new InvalidOperationException($"Unknown notice kind {notice.Kind}"),
            };
            var greeting = text["Email.Greeting", displayName].Value;
            var footer = text["Email.Footer"].Value;
            return (subject, $"{greeting}\n\n{body}\n\n{footer}");
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
            CultureInfo.CurrentCulture = previousFormat;
        }
    }
}
