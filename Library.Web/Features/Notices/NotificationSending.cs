using MimeKit;

namespace Library.Web.Features.Notices;

/// <summary>An e-mail to one patron. <see cref="Id"/> names it: a resend of the same notice is the same message.</summary>
public sealed record NoticeEmail(Guid Id, string To, string ToName, string Subject, string TextBody, string HtmlBody, DateTimeOffset Date)
{
    public string MessageId => $"notice-{Id:N}@library.local";

    public MimeMessage ToMimeMessage(string from)
    {
        var message = new MimeMessage
        {
            Subject = Subject,
            MessageId = MessageId,
            Date = Date,
            Body = new BodyBuilder { TextBody = TextBody, HtmlBody = HtmlBody }.ToMessageBody(),
        };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(new MailboxAddress(ToName, To));
        return message;
    }
}

/// <summary>Sends a patron notice by e-mail. Throwing means "not sent": the mailer retries later.</summary>
public interface INotificationSender
{
    Task SendAsync(NoticeEmail email, CancellationToken cancellationToken);
}

/// <summary>Mail settings (section "Smtp"). Without a host, mails go to the pickup folder instead.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";
    public string? Host { get; set; }
    public int Port { get; set; } = 587;

    /// <summary>MailKit's SecureSocketOptions: Auto, None, StartTls, StartTlsWhenAvailable, SslOnConnect.</summary>
    public string Security { get; set; } = "Auto";
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "Library <no-reply@library.local>";
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>Notices settings (section "Notifications").</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>Where .eml files go when no SMTP host is set. Default: "mail-pickup" beside the database.</summary>
    public string? PickupDirectory { get; set; }
    public int MaxEmailAttempts { get; set; } = 10;
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMinutes(1);
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);
}
