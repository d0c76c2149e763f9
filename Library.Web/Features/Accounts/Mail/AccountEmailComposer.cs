using System.Globalization;
using System.Net;
using System.Text;
using Library.Web.Components.Account;
using Library.Web.Features.Notices;
using Microsoft.Extensions.Localization;

namespace Library.Web.Features.Accounts.Mail;

/// <summary>Account e-mails (reset link, e-mail change) in English and Korean one after the other, like the notices.</summary>
internal sealed class AccountEmailComposer(IStringLocalizer<AccountText> text, TimeProvider clock)
{
    private static readonly CultureInfo[] Languages = [CultureInfo.GetCultureInfo("en"), CultureInfo.GetCultureInfo("ko")];

    /// <param name="kind">"Reset", "ResetCode", "ConfirmChange" or "ChangeRequested": picks Mail.{kind}.Subject / Mail.{kind}.Body.</param>
    /// <param name="link">Shown on a line of its own (and as a link in the HTML part); null when the mail has none.</param>
    public NoticeEmail Compose(string kind, string to, string displayName, string? link, params object[] arguments)
    {
        var name = string.IsNullOrWhiteSpace(displayName) ? to : displayName;
        var parts = Languages.Select(culture => Render(kind, name, arguments, culture)).ToList();
        var subject = string.Join(" / ", parts.Select(p => p.Subject));
        var linkBlock = link is null ? string.Empty : "\n\n" + link;
        var textBody = string.Join("\n\n--------\n\n", parts.Select(p => p.Greeting + "\n\n" + p.Body + linkBlock + "\n\n" + p.Footer));
        var html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">");
        for (var i = 0; i < parts.Count; i++)
        {
            if (i > 0)
            {
                html.Append("<hr>");
            }

            var part = parts[i];
            html.Append("<div lang=\"").Append(Languages[i].TwoLetterISOLanguageName).Append("\">")
                .Append("<p>").Append(WebUtility.HtmlEncode(part.Greeting)).Append("</p>")
                .Append("<p>").Append(WebUtility.HtmlEncode(part.Body)).Append("</p>");
            if (link is not null)
            {
                var encoded = WebUtility.HtmlEncode(link);
                html.Append("<p><a href=\"").Append(encoded).Append("\">").Append(encoded).Append("</a></p>");
            }

            html.Append("<p>").Append(WebUtility.HtmlEncode(part.Footer)).Append("</p></div>");
        }

        html.Append("</body></html>");
        return new NoticeEmail(Guid.CreateVersion7(), to, name, subject, textBody, html.ToString(), clock.GetUtcNow());
    }

    private (string Subject, string Greeting, string Body, string Footer) Render(
        string kind, string displayName, object[] arguments, CultureInfo culture)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            return (
                text[$"Mail.{kind}.Subject"].Value,
                text["Mail.Greeting", displayName].Value,
                text[$"Mail.{kind}.Body", arguments].Value,
                text["Mail.Footer"].Value);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
