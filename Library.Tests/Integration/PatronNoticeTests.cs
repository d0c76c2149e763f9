using Library.Tests.TestSupport;
using Library.Web.Features.Lending;
using Library.Web.Features.Notices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Library.Tests.Integration;

/// <summary>Patrons hear about overdue loans and fees: in the app (unread count) and by e-mail.</summary>
public sealed class PatronNoticeTests
{
    private const string NeverCron = "0 0 0 1 1 ? 2099";

    [Fact]
    public async Task Fee_notice_is_written_to_the_pickup_folder_with_the_patrons_address_the_title_and_the_fee()
    {
        await using var app = new LibraryApp();
        await app.InitializeAsync();
        var (book, _) = await ReturnLateAsync(app, daysLate: 7);
        await app.WaitForOutboxAsync();

        var pickup = Path.Combine(app.DataDirectory, "mail-pickup");
        MimeMessage? feeMail = null;
        await Eventually.HoldsAsync(async () =>
        {
            foreach (var file in Directory.Exists(pickup) ? Directory.GetFiles(pickup, "*.eml") : [])
            {
                var message = await MimeMessage.LoadAsync(file);
                if (message.TextBody?.Contains("7 days late") == true)
                {
                    feeMail = message;
                    return true;
                }
            }

            return false;
        }, "a fee e-mail in the pickup folder");

        Assert.Equal(LibraryApp.PatronEmail, Assert.Single(feeMail!.To.Mailboxes).Address);
        Assert.Contains(book.Title, feeMail.Subject);
        Assert.Contains("₩500", feeMail.Subject);
        Assert.Contains("7 days late", feeMail.TextBody);
        Assert.Contains("7일", feeMail.TextBody);
        Assert.Contains(book.Title, feeMail.HtmlBody);
    }

    [Fact]
    public async Task Overdue_loan_gives_one_unread_notice_and_one_email_however_often_the_sweep_runs()
    {
        await using var app = new LibraryApp().With("Jobs:OverdueSweepCron", NeverCron).With("Jobs:CatchUpOnStartup", "false");
        await app.InitializeAsync();
        using var patron = await app.SignInPatronAsync();
        var book = await patron.FindBookWithCopiesAsync(1);
        await patron.BorrowAsync(book.Id, 1);
        var patronId = await app.UserIdAsync(LibraryApp.PatronEmail);
        var notices = app.Services.GetRequiredService<NoticeService>();
        var live = 0;
        using var subscription = app.Services.GetRequiredService<NotificationNotifier>().Subscribe(patronId, _ =>
        {
            Interlocked.Increment(ref live);
            return Task.CompletedTask;
        });

        app.Clock.Advance(TimeSpan.FromDays(16));
        var sweep = app.Services.GetRequiredService<OverdueSweep>();
        await sweep.RunAsync(CancellationToken.None);
        await sweep.RunAsync(CancellationToken.None);
        await app.WaitForOutboxAsync();

        Assert.Equal(1, await notices.UnreadCountAsync(patronId, CancellationToken.None));
        var notice = Assert.Single(await notices.ListAsync(patronId, 10, CancellationToken.None));
        Assert.Equal(NoticeKind.LoanOverdue, notice.Kind);
        Assert.Equal(book.Title, notice.BookTitle);
        Assert.Equal(2, notice.DaysOverdue);
        Assert.Equal(500, notice.Amount);
        Assert.True(live >= 1, "open pages heard about the new notice");
        await Eventually.HoldsAsync(
            () => app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.Id == notice.Id && n.EmailSentAt != null)),
            "the overdue e-mail was sent");
        var mails = Directory.GetFiles(Path.Combine(app.DataDirectory, "mail-pickup"), "*.eml");
        var mail = await MimeMessage.LoadAsync(Assert.Single(mails));
        Assert.Contains(book.Title, mail.Subject);
        Assert.Contains("overdue", mail.Subject, StringComparison.OrdinalIgnoreCase);

        Assert.True(await notices.MarkReadAsync(patronId, notice.Id, CancellationToken.None));
        Assert.Equal(0, await notices.UnreadCountAsync(patronId, CancellationToken.None));
        // Someone else's notice cannot be marked.
        var otherId = await app.UserIdAsync(LibraryApp.Patron2Email);
        Assert.False(await notices.MarkReadAsync(otherId, notice.Id, CancellationToken.None));
    }

    [Fact]
    public async Task With_an_smtp_host_configured_the_notice_is_sent_through_smtp()
    {
        await using var smtp = new FakeSmtpServer();
        await using var app = new LibraryApp()
            .With("Smtp:Host", "127.0.0.1")
            .With("Smtp:Port", smtp.Port.ToString())
            .With("Smtp:Security", "None")
            .With("Smtp:From", "Library <desk@library.local>");
        await app.InitializeAsync();
        var (book, _) = await ReturnLateAsync(app, daysLate: 8);
        await app.WaitForOutboxAsync();

        await Eventually.HoldsAsync(() => Task.FromResult(FeeMails(smtp).Any()), "the fee mail reached the SMTP server");
        var (from, to, message) = FeeMails(smtp).First();
        Assert.Equal("<desk@library.local>", from);
        Assert.Equal(["<" + LibraryApp.PatronEmail + ">"], to);
        Assert.Contains(book.Title, message.TextBody);
        Assert.False(Directory.Exists(Path.Combine(app.DataDirectory, "mail-pickup")) &&
                     Directory.GetFiles(Path.Combine(app.DataDirectory, "mail-pickup")).Length > 0);
    }

    private static List<(string From, List<string> To, MimeMessage Message)> FeeMails(FakeSmtpServer smtp)
    {
        lock (smtp.Messages)
        {
            return smtp.Messages
                .Select(m => (m.From, m.To, Message: MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(m.Data)))))
                .Where(m => m.Message.TextBody?.Contains("₩1,000") == true && m.Message.TextBody.Contains("8 days late"))
                .ToList();
        }
    }

    private static async Task<(Api.Book Book, Api.Loan Loan)> ReturnLateAsync(LibraryApp app, int daysLate)
    {
        using var patron = await app.SignInPatronAsync();
        var book = await patron.FindBookWithCopiesAsync(1);
        var loan = await (await patron.BorrowAsync(book.Id, 1)).ReadAsync<Api.Loan>();
        app.Clock.Advance(TimeSpan.FromDays(14 + daysLate));
        using var later = await app.SignInPatronAsync();
        (await later.ReturnAsync(loan.Id, 1)).EnsureSuccessStatusCode();
        return (book, loan);
    }
}
