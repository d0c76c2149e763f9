using System.Net;
using System.Text;
using Library.Web.Features.Notices;
using Library.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Library.Web.Features.Kiosk;

/// <summary>
/// E-mails a kiosk session's receipt through the notices' mail sender (SMTP or the pickup folder), in the language the
/// patron used at the kiosk. Sent in the background: the station is free for the next patron at once; a failure is logged.
/// </summary>
internal sealed class KioskReceiptMailer(
    INotificationSender sender, IStringLocalizer<KioskText> text, LibraryDates dates, ILogger<KioskReceiptMailer> logger)
{
    public void Send(KioskReceipt receipt)
    {
        if (receipt.IsEmpty || string.IsNullOrWhiteSpace(receipt.PatronEmail))
        {
            return;
        }

        var email = Compose(receipt);
        _ = Task.Run(async () =>
        {
            try
            {
                await sender.SendAsync(email, CancellationToken.None);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Could not send the kiosk receipt {ReceiptId}", email.Id);
            }
        });
    }

    internal NoticeEmail Compose(KioskReceipt receipt)
    {
        var lines = new List<string> { text["Receipt.Greeting", receipt.PatronName], text["Receipt.Intro", receipt.StationName, dates.DateAndTime(receipt.FinishedAt)] };
        if (receipt.Borrowed.Count > 0)
        {
            lines.Add(text["Receipt.Borrowed"] + "\n" + string.Join("\n", receipt.Borrowed.Select(l =>
                "• " + text["Receipt.BorrowedLine", l.Title, l.Barcode, l.DueAt is { } due ? dates.Date(due) : string.Empty])));
        }

        if (receipt.Returned.Count > 0)
        {
            lines.Add(text["Receipt.Returned"] + "\n" + string.Join("\n", receipt.Returned.Select(l =>
                "• " + (l.LateFee > 0
                    ? text.Plural("Receipt.ReturnedLateLine", l.DaysOverdue, l.Title, l.Barcode, l.DaysOverdue, Won.Format(l.LateFee))
                    : text["Receipt.ReturnedLine", l.Title, l.Barcode]))));
        }

        lines.Add(text["Receipt.Closing"]);
        var plain = string.Join("\n\n", lines);
        var html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">");
        foreach (var paragraph in lines)
        {
            html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph).Replace("\n", "<br>")).Append("</p>");
        }

        html.Append("</body></html>");
        return new NoticeEmail(
            Guid.CreateVersion7(), receipt.PatronEmail, receipt.PatronName, text["Receipt.Subject", dates.Date(receipt.FinishedAt)],
            plain, html.ToString(), receipt.FinishedAt);
    }
}
