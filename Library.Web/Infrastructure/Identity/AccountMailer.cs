using System.Globalization;
using System.Net;
using System.Text;
using Library.Web.Components.Account;
using Library.Web.Features.Notices;
using Microsoft.Extensions.Localization;

namespace Library.Web.Infrastructure.Identity;

/// <summary>
/// Account e-mails (someone registered with your address; you were invited as a librarian), in English and Korean one after
/// the other like the notices. Sent in the background through <see cref="INotificationSender"/> so the answer to the
/// request neither waits for the mail server nor takes longer when a mail is sent (timing would reveal an existing account).
/// </summary>
internal sealed class AccountMailer(
    INotificationSender sender, IStringLocalizer<AccountText> text, TimeProvider clock, ILogger<AccountMailer> logger)
{
    private static readonly CultureInfo[] Languages = [CultureInfo.GetCultureInfo("en"), CultureInfo.GetCultureInfo("ko")];

    public void SendAlreadyRegistered(LibraryUser owner, string signInUrl) =>
        Send(owner, "Email.AlreadyRegistered.Subject", "Email.AlreadyRegistered.Body", signInUrl);

    public void SendLibrarianInvitation(LibraryUser user, string setPasswordUrl) =>
        Send(user, "Email.Invitation.Subject", "Email.Invitation.Body", setPasswordUrl);

    private void Send(LibraryUser to, string subjectKey, string bodyKey, string link)
    {
        var parts = Languages.Select(c => Render(c, to.DisplayName, subjectKey, bodyKey, link)).ToList();
        var html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">");
        for (var i = 0; i < parts.Count; i++)
        {
            html.Append(i > 0 ? "<hr>" : string.Empty).Append("<div lang=\"").Append(Languages[i].TwoLetterISOLanguageName).Append("\">");
            foreach (var paragraph in parts[i].Text.Split("\n\n"))
            {
                html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph)).Append("</p>");
            }

            html.Append("</div>");
        }

        html.Append("</body></html>");
        var email = new NoticeEmail(Guid.CreateVersion7(), to.Email!, to.DisplayName,
            string.Join(" / ", parts.Select(p => p.Subject)), string.Join("\n\n--------\n\n", parts.Select(p => p.Text)),
            html.ToString(), clock.GetUtcNow());
        _ = Task.Run(async () =>
        {
            try
            {
                await sender.SendAsync(email, CancellationToken.None);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Could not send the account e-mail {Subject} to user {UserId}", subjectKey, to.Id);
            }
        });
    }

    private (string Subject, string Text) Render(CultureInfo culture, string name, string subjectKey, string bodyKey, string link)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            return (text[subjectKey].Value, $"{text["Email.Greeting", name].Value}\n\n{text[bodyKey, link].Value}");
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
