using Microsoft.AspNetCore.Identity;

namespace Library.Web.Infrastructure.Identity;

/// <summary>Accounts are confirmed on creation in this intranet product; Identity's e-mails are not sent.</summary>
internal sealed class NoOpEmailSender : IEmailSender<LibraryUser>
{
    public Task SendConfirmationLinkAsync(LibraryUser user, string email, string confirmationLink) => Task.CompletedTask;
    public Task SendPasswordResetLinkAsync(LibraryUser user, string email, string resetLink) => Task.CompletedTask;
    public Task SendPasswordResetCodeAsync(LibraryUser user, string email, string resetCode) => Task.CompletedTask;
}
