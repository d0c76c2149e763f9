using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace Library.Web.Features.Notices;

/// <summary>Sends notices through an SMTP server (MailKit), one connection per message.</summary>
internal sealed class SmtpNotificationSender(IOptions<SmtpOptions> options) : INotificationSender
{
    public async Task SendAsync(NoticeEmail email, CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        var security = Enum.TryParse<SecureSocketOptions>(smtp.Security, ignoreCase: true, out var parsed) ? parsed : SecureSocketOptions.Auto;
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        await client.ConnectAsync(smtp.Host ?? throw new InvalidOperationException("Smtp:Host is not set."), smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(email.ToMimeMessage(smtp.From), cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
