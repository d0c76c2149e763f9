using Library.Web.Features.Notices;
using Library.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace Library.Web.Features.Accounts.Mail;

/// <summary>
/// Identity's e-mails (reset link or code, e-mail confirmation) and the "your address is changing" notice, sent at once
/// through the app's notification sender (SMTP or the pickup folder). Not queued: the person is waiting for the link.
/// </summary>
internal sealed class AccountEmailSender(AccountEmailComposer composer, INotificationSender sender) : IEmailSender<LibraryUser>
{
    /// <summary>For a new address (e-mail change), or for the account's own address (Identity's API registration).</summary>
    public Task SendConfirmationLinkAsync(LibraryUser user, string email, string confirmationLink) =>
        SendAsync(composer.Compose(
            string.Equals(email, user.Email, StringComparison.OrdinalIgnoreCase) ? "ConfirmAccount" : "ConfirmChange",
            email, user.DisplayName, confirmationLink, email));

    public Task SendPasswordResetLinkAsync(LibraryUser user, string email, string resetLink) =>
        SendAsync(composer.Compose("Reset", email, user.DisplayName, resetLink));

    public Task SendPasswordResetCodeAsync(LibraryUser user, string email, string resetCode) =>
        SendAsync(composer.Compose("ResetCode", email, user.DisplayName, null, resetCode));

    /// <summary>Tells the current address that a change to <paramref name="newEmail"/> was asked for.</summary>
    public Task SendEmailChangeRequestedAsync(LibraryUser user, string oldEmail, string newEmail) =>
        SendAsync(composer.Compose("ChangeRequested", oldEmail, user.DisplayName, null, newEmail));

    private Task SendAsync(NoticeEmail email) => sender.SendAsync(email, CancellationToken.None);
}
