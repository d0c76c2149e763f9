using System.Net;
using Library.Tests.TestSupport;
using Library.Web.Features.Lending;
using Library.Web.Features.Dashboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Library.Tests.Integration;

/// <summary>The overdue sweep flags each overdue loan once; it never charges; the fee comes with the return.</summary>
public sealed class OverdueSweepTests
{
    [Fact]
    public async Task Sweep_flags_an_overdue_loan_exactly_once_and_the_dashboard_counts_it_once()
    {
        await using var app = new LibraryApp();
        await app.InitializeAsync();
        using var patron = await app.SignInPatronAsync();
        var book = await patron.FindBookWithCopiesAsync(2);
        var loan = await (await patron.BorrowAsync(book.Id, 2)).ReadAsync<Api.Loan>();
        var sweep = app.Services.GetRequiredService<OverdueSweep>();

        // Due at day 14; on day 14 itself the loan is not overdue yet.
        app.Clock.Advance(TimeSpan.FromDays(14));
        Assert.Equal(0, (await sweep.RunAsync(CancellationToken.None)).Flagged);

        app.Clock.Advance(TimeSpan.FromDays(1));
        var runs = new List<OverdueSweepResult>();
        for (var i = 0; i < 3; i++)
        {
            runs.Add(await sweep.RunAsync(CancellationToken.None));
        }

        app.Clock.Advance(TimeSpan.FromDays(3));
        runs.Add(await sweep.RunAsync(CancellationToken.None));
        await app.WaitForOutboxAsync();

        // A catch-up run of the scheduled sweep may have flagged it first (the clock moved); never twice.
        Assert.True(runs.Sum(r => r.Flagged) <= 1, "later runs flag nothing again");
        var (flaggedAt, expiredEvents, overdueActivity) = await app.WithDbAsync(async db => (
            await db.Loans.Where(l => l.Id == loan.Id).Select(l => l.OverdueFlaggedAt).SingleAsync(),
            await db.OutboxMessages.CountAsync(m => m.Type == "lending.book-expired" && m.Payload.Contains(loan.Id.ToString())),
            await db.ActivityEntries.CountAsync(a => a.Kind == ActivityKind.BecameOverdue && a.BookId == book.Id)));
        Assert.NotNull(flaggedAt);
        Assert.Equal(1, expiredEvents);
        Assert.Equal(1, overdueActivity);
        using var later = await app.SignInPatronAsync(); // bearer tokens expire as the clock moves
        var dashboard = await (await later.GetAsync("/api/me/dashboard")).ReadAsync<Api.Dashboard>();
        Assert.Equal(1, dashboard.OverdueLoans);
        Assert.Equal(0, dashboard.AccumulatedFees);
    }

    [Fact]
    public async Task No_fee_while_the_loan_is_out_however_overdue_and_the_right_tier_after_the_return()
    {
        await using var app = new LibraryApp();
        await app.InitializeAsync();
        using var patron = await app.SignInPatronAsync();
        var book = await patron.FindBookWithCopiesAsync(1);
        var loan = await (await patron.BorrowAsync(book.Id, 1)).ReadAsync<Api.Loan>();
        var sweep = app.Services.GetRequiredService<OverdueSweep>();
        var patronId = await app.UserIdAsync(LibraryApp.PatronEmail);

        foreach (var days in new[] { 15, 22, 29, 60 })
        {
            app.Clock.Advance(TimeSpan.FromDays(days) - (app.Clock.GetUtcNow() - loan.BorrowedAt));
            await sweep.RunAsync(CancellationToken.None);
            await app.WaitForOutboxAsync();
            Assert.Equal(0, await app.WithDbAsync(db => db.Fees.CountAsync(f => f.PatronId == patronId)));
            using var now = await app.SignInPatronAsync();
            Assert.Equal(0, (await (await now.GetAsync("/api/me/dashboard")).ReadAsync<Api.Dashboard>()).AccumulatedFees);
        }

        // Day 60 = 46 days late: the top tier (15+ days) is ₩2,000, charged once, with the return.
        using var returning = await app.SignInPatronAsync();
        var returned = await returning.ReturnAsync(loan.Id, 1);
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        await app.WaitForOutboxAsync();

        var fees = await app.WithDbAsync(db => db.Fees.Where(f => f.PatronId == patronId).ToListAsync());
        var fee = Assert.Single(fees);
        Assert.Equal(46, fee.DaysOverdue);
        Assert.Equal(2_000, fee.Amount);
        var dashboard = await (await returning.GetAsync("/api/me/dashboard")).ReadAsync<Api.Dashboard>();
        Assert.Equal(2_000, dashboard.AccumulatedFees);
        Assert.Equal(0, dashboard.OverdueLoans);
    }

    [Fact]
    public async Task Loan_whose_due_date_was_extended_is_flagged_again_when_it_is_overdue_again()
    {
        await using var app = new LibraryApp().With("Jobs:OverdueSweepCron", "0 0 0 1 1 ? 2099").With("Jobs:CatchUpOnStartup", "false");
        await app.InitializeAsync();
        Api.Loan loan;
        using (var patron = await app.SignInPatronAsync())
        {
            loan = await (await patron.BorrowAsync((await patron.FindBookWithCopiesAsync(1)).Id, 1)).ReadAsync<Api.Loan>();
        }

        var sweep = app.Services.GetRequiredService<OverdueSweep>();
        app.Clock.Advance(TimeSpan.FromDays(16));
        Assert.Equal(1, (await sweep.RunAsync(CancellationToken.None)).Flagged);

        // A librarian extends the loan by a week: the overdue flag is cleared (dashboard -1).
        await app.Services.GetRequiredService<Library.Web.Infrastructure.Persistence.DbWriter>().ExecuteAsync(async (db, ct) =>
        {
            var stored = await db.Loans.SingleAsync(l => l.Id == loan.Id, ct);
            stored.ChangeDueDate(app.Clock.GetUtcNow().AddDays(7), app.Clock.GetUtcNow());
            return 0;
        }, CancellationToken.None);
        Assert.Equal(0, (await sweep.RunAsync(CancellationToken.None)).Flagged);
        await app.WaitForOutboxAsync();
        Assert.Equal(0, await OverdueOnDashboardAsync(app));

        app.Clock.Advance(TimeSpan.FromDays(8));
        Assert.Equal(1, (await sweep.RunAsync(CancellationToken.None)).Flagged);
        Assert.Equal(0, (await sweep.RunAsync(CancellationToken.None)).Flagged);
        await app.WaitForOutboxAsync();
        Assert.Equal(1, await OverdueOnDashboardAsync(app));
        Assert.Equal(2, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Type == "lending.book-expired")));
    }

    private static async Task<int> OverdueOnDashboardAsync(LibraryApp app)
    {
        using var patron = await app.SignInPatronAsync();
        return (await (await patron.GetAsync("/api/me/dashboard")).ReadAsync<Api.Dashboard>()).OverdueLoans;
    }
}
