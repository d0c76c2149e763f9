using Microsoft.Extensions.Options;

namespace Library.Web.Features.Notices;

/// <summary>
/// The default when no SMTP host is configured: writes each mail as an .eml file (named after the notice, so a
/// resend replaces it) into a pickup folder a librarian can open, or an SMTP relay can pick up.
/// </summary>
internal sealed class PickupDirectoryNotificationSender(PickupDirectory directory, IOptions<SmtpOptions> smtp) : INotificationSender
{
    public async Task SendAsync(NoticeEmail email, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory.Path);
        var target = Path.Combine(directory.Path, $"notice-{email.Id:N}.eml");
        var temporary = target + ".tmp";
        await email.ToMimeMessage(smtp.Value.From).WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, target, overwrite: true);
    }
}

/// <summary>The resolved pickup folder (absolute).</summary>
public sealed record PickupDirectory(string Path);
