using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Library.Tests.TestSupport;
using Microsoft.Playwright;
using MimeKit;

namespace Library.Tests.E2E.Accounts;

/// <summary>Fresh accounts, the pickup folder's mails and sign-in checks for the account tests.</summary>
internal static partial class AccountTestKit
{
    public const string Password = "correct horse battery";
    public const string NewPassword = "staple gun and a lamp";

    public static async Task<string> RegisterAsync(this LibraryApp app)
    {
        var email = $"a{Guid.NewGuid():N}"[..13] + "@test.local";
        using var anonymous = app.CreateApiClient();
        var registered = await anonymous.PostAsJsonAsync("/api/auth/register", new { email, password = Password });
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        return email;
    }

    /// <summary>Whether the e-mail and password sign in (through the API, which checks the same password store).</summary>
    public static async Task<bool> CanSignInAsync(this LibraryApp app, string email, string password)
    {
        using var anonymous = app.CreateApiClient();
        var response = await anonymous.PostAsJsonAsync("/api/auth/login", new { email, password });
        return response.IsSuccessStatusCode;
    }

    public static async Task<List<MimeMessage>> MailsToAsync(this LibraryApp app, string to)
    {
        var pickup = Path.Combine(app.DataDirectory, "mail-pickup");
        var mails = new List<MimeMessage>();
        foreach (var file in Directory.Exists(pickup) ? Directory.GetFiles(pickup, "*.eml") : [])
        {
            var message = await MimeMessage.LoadAsync(file);
            if (message.To.Mailboxes.Any(m => string.Equals(m.Address, to, StringComparison.OrdinalIgnoreCase)))
            {
                mails.Add(message);
            }
        }

        return mails;
    }

    public static async Task<MimeMessage> MailToAsync(this LibraryApp app, string to, string subjectContains)
    {
        MimeMessage? found = null;
        await Eventually.HoldsAsync(async () =>
        {
            found = (await app.MailsToAsync(to)).FirstOrDefault(m => (m.Subject ?? "").Contains(subjectContains, StringComparison.Ordinal));
            return found is not null;
        }, $"a mail to {to} about \"{subjectContains}\"");
        return found!;
    }

    /// <summary>The first link in the mail's text that goes to <paramref name="path"/>.</summary>
    public static string LinkTo(this MimeMessage mail, string path)
    {
        var match = Links().Matches(mail.TextBody ?? "").FirstOrDefault(m => new Uri(m.Value).AbsolutePath == path);
        Assert.True(match is not null, $"no link to {path} in: {mail.TextBody}");
        return match!.Value;
    }

    public static async Task<IPage> SignedInPageAsync(this BrowserFixture browser, LibraryApp app, string email, string password, string path)
    {
        var page = await browser.NewPageAsync(app);
        await page.SignInAsync(email, password, path);
        return page;
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Links();
}
