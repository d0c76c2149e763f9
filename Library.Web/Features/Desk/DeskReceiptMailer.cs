using System.Globalization;
using System.Net;
using System.Text;
using Library.Web.Features.Notices;
using Library.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Library.Web.Features.Desk;

/// <summary>
/// E-mails a desk receipt through the notices' mail sender (SMTP, or the pickup folder without an SMTP host), at once: the
/// librarian sees whether it went. English and Korean one after the other, as the notices do (the patron's language is unknown).
/// The receipt's id names the message, so sending the same receipt twice is recognisably one mail.
/// </summary>
internal sealed class DeskReceiptMailer(INotificationSender sender, IStringLocalizer<DeskText> text, LibraryDates dates)
{
    private static readonly CultureInfo[] Languages = [CultureInfo.GetCultureInfo("en"), CultureInfo.GetCultureInfo("ko")];

    public async Task SendAsync(DeskReceipt receipt, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(receipt.Email))
        {
            throw new InvalidOperationException($"Patron {receipt.PatronId} has no e-mail address.");
        }

        await sender.SendAsync(Compose(receipt), ct);
    }

    public NoticeEmail Compose(DeskReceipt receipt)
    {
        var parts = Languages.Select(culture => Render(receipt, culture)).ToList();
        var html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">");
        foreach (var (part, index) in parts.Select((p, i) => (p, i)))
        {
            html.Append(index > 0 ? "<hr>" : string.Empty).Append("<div lang=\"").Append(Languages[index].TwoLetterISOLanguageName).Append("\">");
            foreach (var paragraph in part.Text.Split("\n\n"))
            {
                html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</p>");
            }

            html.Append("</div>");
        }

        html.Append("</body></html>");
        return new NoticeEmail(
            receipt.Id, receipt.Email!, receipt.PatronName, string.Join(" / ", parts.Select(p => p.Subject)),
            string.Join("\n\n--------\n\n", parts.Select(p => p.Text)), html.ToString(), receipt.At);
    }

    private (string Subject, string Text) Render(DeskReceipt receipt, CultureInfo culture)
    {
        var (previous, previousFormat) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = culture;
        CultureInfo.CurrentCulture = culture;
        try
        {
            var items = string.Join("\n", receipt.Items.Select(i => text["Mail.Item", i.Title, i.Barcode, dates.Date(i.DueAt)].Value));
            var body = new StringBuilder()
                .Append(text["Mail.Greeting", receipt.PatronName].Value).Append("\n\n")
                .Append(text.Plural("Mail.Intro", receipt.Items.Count, receipt.Items.Count, dates.DateAndTime(receipt.At)).Value).Append("\n\n")
                .Append(items).Append("\n\n")
                .Append(text["Mail.Footer"].Value);
            return (text["Mail.Subject", dates.Date(receipt.At)].Value, body.ToString());
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
            CultureInfo.CurrentCulture = previousFormat;
        }
    }
}
