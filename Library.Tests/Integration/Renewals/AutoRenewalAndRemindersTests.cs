using System.Net.Http.Json;
using Library.Tests.Admin;
using Library.Tests.TestSupport;
using Library.Web.Features.Lending.Holds;
using Library.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Library.Web.Features.Lending;
using Library.Web.Features.Notices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Library.Tests.Integration.Renewals;

/// <summary>
/// The due-soon reminder (once per loan and due date, 2 days before) and auto-renewal on the due day, with the clock moved.
/// Moving the clock also lets the scheduled jobs catch up on their own, so the tests assert the state, never one run's counts.
/// </summary>
public sealed class AutoRenewalAndRemindersTests
{
    private static readonly TimeSpan Seoul = TimeSpan.FromHours(9);

    private static Task<List<Notification>> NoticesAsync(LibraryApp app, string patronId, NoticeKind kind) =>
        app.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.PatronId == patronId && n.Kind == kind).ToListAsync());

    [Fact]
    public async Task One_reminder_per_due_date_not_twice_and_again_for_the_due_date_a_renewal_gives()
    {
        await using var app = new LibraryApp();
        await app.InitializeAsync();
        using var patron = await app.SignInPatronAsync();
        var patronId = await app.UserIdAsync(LibraryApp.PatronEmail);
        var book = await patron.FindBookWithCopiesAsync(1);
        var loan = await (await patron.BorrowAsync(book.Id, 1)).ReadAsync<Api.Loan>();
        var reminders = app.Services.GetRequiredService<DueSoonReminders>();

        // 13 March: due in 3 days, too early.
        app.Clock.Advance(TimeSpan.FromDays(11));
        await reminders.RunAsync(CancellationToken.None);
        await app.WaitForOutboxAsync();
        Assert.Empty(await NoticesAsync(app, patronId, NoticeKind.DueSoon));

        // 14 March: 2 days before the due day. A second run sends nothing more.
        app.Clock.Advance(TimeSpan.FromDays(1));
        await reminders.RunAsync(CancellationToken.None);
        await reminders.RunAsync(CancellationToken.None);
        await app.WaitForOutboxAsync();
        var first = Assert.Single(await NoticesAsync(app, patronId, NoticeKind.DueSoon));
        Assert.Equal(loan.DueAt, first.DueAt);
        Assert.Null(first.Reason); // the library does not auto-renew: nothing to say about it
        Assert.Equal(book.Title, first.BookTitle);
        Assert.NotNull(first.EmailTo);

        // Renewed: due 30 March, a new due date with its own reminder, 2 days before it.
        using var renewing = await app.SignInPatronAsync();
        (await renewing.PostAsync($"/api/loans/{loan.Id}/renew", null)).EnsureSuccessStatusCode();
        await reminders.RunAsync(CancellationToken.None);
        await app.WaitForOutboxAsync();
        Assert.Single(await NoticesAsync(app, patronId, NoticeKind.DueSoon));
        app.Clock.Advance(TimeSpan.FromDays(14));
        await reminders.RunAsync(CancellationToken.None);
        await reminders.RunAsync(CancellationToken.None);
        await app.WaitForOutboxAsync();
        var notices = await NoticesAsync(app, patronId, NoticeKind.DueSoon);
        Assert.Equal(2, notices.Count);
        Assert.Contains(notices, n => n.DueAt == new DateTimeOffset(2026, 3, 30, 23, 59, 59, 999, Seoul));
        using var reading = await app.SignInPatronAsync();
        var listed = await reading.GetStringAsync("/api/me/notifications");
        Assert.Contains("DueSoon", listed);
    }

    public sealed class AutoRenewApp : LibraryApp
    {
        public AutoRenewApp() => With("Lending:AutoRenew", "true");
    }

    [Fact]
    public async Task On_its_due_day_a_renewable_loan_is_renewed_and_the_patron_told_but_not_an_opted_out_patrons_loan()
    {
        await using var app = new AutoRenewApp();
        await app.InitializeAsync();
        using var patron = await app.SignInPatronAsync();
        var patronId = await app.UserIdAsync(LibraryApp.PatronEmail);
        var book = await patron.FindBookWithCopiesAsync(2);
        var loan = await (await patron.BorrowAsync(book.Id, 1)).ReadAsync<Api.Loan>();
        using var optedOut = await app.NewPatronAsync();
        var kept = await (await optedOut.Client.BorrowAsync(book.Id, 1)).ReadAsync<Api.Loan>();
        Assert.Equal(System.Net.HttpStatusCode.NoContent, (await optedOut.Client.PutAsJsonAsync("/api/me/auto-renew", new { on = false })).StatusCode);
        Assert.Equal("{\"on\":false,\"libraryAutoRenews\":true}", await optedOut.Client.GetStringAsync("/api/me/auto-renew"));

        // The reminder says what will happen on the due day.
        app.Clock.Advance(TimeSpan.FromDays(12));
        await app.Services.GetRequiredService<DueSoonReminders>().RunAsync(CancellationToken.None);
        await app.WaitForOutboxAsync();
        Assert.Equal(Notification.WillAutoRenew, Assert.Single(await NoticesAsync(app, patronId, NoticeKind.DueSoon)).Reason);
        var optedOutReminder = Assert.Single(await NoticesAsync(app, optedOut.Id, NoticeKind.DueSoon));
        Assert.Equal("AutoRenewOptedOut", optedOutReminder.Reason);
        // The e-mail, like every notice's, is in English and Korean, and says why there will be no automatic renewal.
        var mail = app.Services.GetRequiredService<NoticeEmailComposer>().Compose(optedOutReminder, optedOut.Email, "Reader", app.Clock.GetUtcNow());
        Assert.Equal($"Due soon: {book.Title} / 반납 예정: {book.Title}", mail.Subject);
        Assert.Contains("It is due on Mar 16, 2026. You turned auto-renewal off", mail.TextBody);
        Assert.Contains("반납 기한은 2026. 3. 16.입니다. 자동 연장을 끄셨으므로", mail.TextBody);

        // The day before the due day: nothing yet.
        var renewal = app.Services.GetRequiredService<AutoRenewal>();
        app.Clock.Advance(TimeSpan.FromDays(1));
        await renewal.RunAsync(CancellationToken.None);
        Assert.Equal(0, await app.WithDbAsync(db => db.Loans.Where(l => l.Id == loan.Id).Select(l => l.Renewals).SingleAsync()));

        // The due day: renewed once however often the job runs.
        app.Clock.Advance(TimeSpan.FromDays(1));
        await renewal.RunAsync(CancellationToken.None);
        await renewal.RunAsync(CancellationToken.None);
        await app.WaitForOutboxAsync();
        var renewed = await app.WithDbAsync(db => db.Loans.AsNoTracking().SingleAsync(l => l.Id == loan.Id));
        Assert.Equal(1, renewed.Renewals);
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 23, 59, 59, 999, Seoul), renewed.DueAt);
        var told = Assert.Single(await NoticesAsync(app, patronId, NoticeKind.LoanAutoRenewed));
        Assert.Equal(renewed.DueAt, told.DueAt);
        Assert.NotNull(told.EmailTo);
        Assert.Contains("was renewed automatically and is now due on Mar 30, 2026",
            app.Services.GetRequiredService<NoticeEmailComposer>().Compose(told, told.EmailTo!, "Reader", app.Clock.GetUtcNow()).TextBody);
        var notRenewed = await app.WithDbAsync(db => db.Loans.AsNoTracking().SingleAsync(l => l.Id == kept.Id));
        Assert.Equal(0, notRenewed.Renewals);
        Assert.Equal(kept.DueAt, notRenewed.DueAt);
        Assert.Empty(await NoticesAsync(app, optedOut.Id, NoticeKind.LoanAutoRenewed));
    }

    /// <summary>Stands in for holds (built elsewhere): the titles in <see cref="Waited"/> have someone else waiting and no copy free.</summary>
    private sealed class FakeHoldDemand : IHoldDemand
    {
        public HashSet<int> Waited { get; } = [];

        public Task<bool> IsWaitedForByOthersAsync(LibraryDbContext db, int bookId, string patronId, CancellationToken ct) =>
            Task.FromResult(Waited.Contains(bookId));
    }

    private sealed class WaitedForApp : LibraryApp
    {
        public WaitedForApp() => With("Lending:AutoRenew", "true");

        public FakeHoldDemand Holds { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services =>
            {
                services.RemoveAll<IHoldDemand>();
                services.AddSingleton<IHoldDemand>(Holds);
            });
        }
    }

    [Fact]
    public async Task A_title_someone_else_waits_for_is_renewed_neither_by_hand_nor_automatically_and_the_reminder_says_why()
    {
        await using var app = new WaitedForApp();
        await app.InitializeAsync();
        using var patron = await app.SignInPatronAsync();
        var patronId = await app.UserIdAsync(LibraryApp.PatronEmail);
        var book = await patron.FindBookWithCopiesAsync(1);
        var loan = await (await patron.BorrowAsync(book.Id, 1)).ReadAsync<Api.Loan>();
        app.Holds.Waited.Add(book.Id);

        var refused = await patron.PostAsync($"/api/loans/{loan.Id}/renew", null);
        Assert.Equal(System.Net.HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("TitleWaitedForByOthers", (await refused.ReadAsync<Api.Problem>()).Rule);

        app.Clock.Advance(TimeSpan.FromDays(12));
        await app.Services.GetRequiredService<DueSoonReminders>().RunAsync(CancellationToken.None);
        await app.WaitForOutboxAsync();
        Assert.Equal("TitleWaitedForByOthers", Assert.Single(await NoticesAsync(app, patronId, NoticeKind.DueSoon)).Reason);

        app.Clock.Advance(TimeSpan.FromDays(2));
        await app.Services.GetRequiredService<AutoRenewal>().RunAsync(CancellationToken.None);
        await app.WaitForOutboxAsync();
        Assert.Equal(loan.DueAt, await app.WithDbAsync(db => db.Loans.Where(l => l.Id == loan.Id).Select(l => l.DueAt).SingleAsync()));
        Assert.Empty(await NoticesAsync(app, patronId, NoticeKind.LoanAutoRenewed));
    }
}
