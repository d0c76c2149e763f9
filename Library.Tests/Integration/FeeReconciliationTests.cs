using Library.Tests.TestSupport;
using Library.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Library.Tests.Integration;

/// <summary>No late return goes uncharged, and none is charged twice, even across crashes and instances.</summary>
public sealed class FeeReconciliationTests
{
    [Fact]
    public async Task Late_return_whose_fee_was_lost_gets_exactly_one_fee_with_the_right_tier()
    {
        await using var app = Quiet(new LibraryApp());
        await app.InitializeAsync();
        var returnId = await ReturnLateAsync(app, daysLate: 10);
        await app.WaitForOutboxAsync();
        Assert.Equal(1, await FeesForAsync(app, returnId));

        // Simulate a crash between the return and the fee: the fee row never got written.
        await app.WithDbAsync(db => db.Fees.Where(f => f.ReturnId == returnId).ExecuteDeleteAsync());
        var reconciliation = app.Services.GetRequiredService<LateFeeReconciliation>();

        // Within the grace period the normal path owns the return; the job leaves it alone.
        Assert.Equal(0, (await reconciliation.RunAsync(CancellationToken.None)).Charged);

        app.Clock.Advance(TimeSpan.FromMinutes(10));
        var first = await reconciliation.RunAsync(CancellationToken.None);
        var second = await reconciliation.RunAsync(CancellationToken.None);
        await app.WaitForOutboxAsync();

        Assert.Equal(1, first.Charged);
        Assert.Equal(0, second.Charged);
        var fee = await app.WithDbAsync(db => db.Fees.SingleAsync(f => f.ReturnId == returnId));
        Assert.Equal(10, fee.DaysOverdue);
        Assert.Equal(1_000, fee.Amount);
        // The reconciled fee went through the outbox like any other: LateFeeCharged reached the activity list.
        Assert.Equal(2, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Type == "fines.late-fee-charged" && m.Payload.Contains(returnId.ToString()))));
    }

    [Fact]
    public async Task Two_instances_reconciling_at_once_charge_each_late_return_once()
    {
        // On PostgreSQL both instances share one database while both run: cluster nodes (a single node refuses to share it).
        await using var first = Quiet(new LibraryApp { KeepDataOnDispose = true }.WithRedisOnPostgreSql());
        await first.InitializeAsync();
        var returnIds = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            returnIds.Add(await ReturnLateAsync(first, daysLate: 3, skip: i));
        }

        await first.WaitForOutboxAsync();
        await first.WithDbAsync(db => db.Fees.ExecuteDeleteAsync());

        await using var second = Quiet(LibraryApp.RestartOn(first.DataDirectory).WithRedisOnPostgreSql());
        await second.InitializeAsync();
        // Past the grace period on both instances' clocks (the second one starts again at the fixed start).
        first.Clock.Advance(TimeSpan.FromDays(1));
        second.Clock.Advance(TimeSpan.FromDays(100));

        var results = await Task.WhenAll(
            first.Services.GetRequiredService<LateFeeReconciliation>().RunAsync(CancellationToken.None),
            second.Services.GetRequiredService<LateFeeReconciliation>().RunAsync(CancellationToken.None),
            first.Services.GetRequiredService<LateFeeReconciliation>().RunAsync(CancellationToken.None));

        Assert.Equal(returnIds.Count, results.Sum(r => r.Charged));
        foreach (var returnId in returnIds)
        {
            Assert.Equal(1, await FeesForAsync(first, returnId));
        }

        Assert.All(await first.WithDbAsync(db => db.Fees.Select(f => f.Amount).ToListAsync()), amount => Assert.Equal(500, amount));
        first.KeepDataOnDispose = false;
    }

    /// <summary>No scheduled reconciliation in the background: the test runs it itself and counts what each run did.</summary>
    private static LibraryApp Quiet(LibraryApp app) => app
        .With("Jobs:FeeReconciliationCron", NeverCron)
        .With("Jobs:CatchUpOnStartup", "false");

    private const string NeverCron = "0 0 0 1 1 ? 2099";

    private static Task<int> FeesForAsync(LibraryApp app, Guid returnId) =>
        app.WithDbAsync(db => db.Fees.CountAsync(f => f.ReturnId == returnId));

    /// <summary>Borrows one copy, returns it <paramref name="daysLate"/> days after the due date; the clock stays there.</summary>
    private static async Task<Guid> ReturnLateAsync(LibraryApp app, int daysLate, int skip = 0)
    {
        using var patron = await app.SignInPatronAsync();
        var book = await patron.FindBookWithCopiesAsync(1, skip);
        var loan = await (await patron.BorrowAsync(book.Id, 1)).ReadAsync<Api.Loan>();
        app.Clock.Advance(TimeSpan.FromDays(14 + daysLate));
        using var later = await app.SignInPatronAsync(); // the earlier bearer token expired as the clock moved
        var response = await later.ReturnAsync(loan.Id, 1);
        response.EnsureSuccessStatusCode();
        return await app.WithDbAsync(db => db.LoanReturns.Where(r => r.LoanId == loan.Id).Select(r => r.Id).SingleAsync());
    }
}
