using System.Diagnostics;
using Library.Domain.Fines;
using Library.Domain.Lending;
using Library.Tests.Admin;
using Library.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Library.Tests.Integration.History;

/// <summary>
/// A patron with 10,000 past loans: the first and the last page of the history and the whole CSV stay quick (the figures
/// are printed; the README's decision 120 quotes them). The loans are written straight to the database (not through the API).
/// </summary>
public sealed class LoanHistoryScaleTests(ITestOutputHelper output)
{
    private const int Loans = 10_000;

    [Fact]
    public async Task Ten_thousand_past_loans_page_in_milliseconds()
    {
        await using var app = new LibraryApp();
        await app.InitializeAsync();
        using var librarian = await app.SignInLibrarianAsync();
        using var patron = await app.NewPatronAsync();
        var book = await librarian.CreateBookAsync();
        var start = app.Clock.GetUtcNow().AddDays(-Loans / 10.0 - 30);
        await app.WithDbAsync(async db =>
        {
            for (var batch = 0; batch < Loans; batch += 2_000)
            {
                for (var i = batch; i < batch + 2_000; i++)
                {
                    var borrowed = start.AddHours(i * 2.4);
                    var loan = Loan.Borrow(patron.Id, book.Id, 1, 0, LendingPolicy.Default, borrowed);
                    var late = i % 10 == 0;
                    var back = loan.Return(1, late ? loan.DueAt.AddDays(3) : borrowed.AddDays(7), LibraryCalendar.Utc);
                    loan.ClearDomainEvents();
                    db.Loans.Add(loan);
                    if (late && Fee.ChargeForReturn(back.Id, loan.Id, patron.Id, book.Id, back.DaysOverdue, LateFeePolicy.Default, back.ReturnedAt) is { } fee)
                    {
                        fee.ClearDomainEvents();
                        db.Fees.Add(fee);
                    }
                }

                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }

            // What autovacuum does soon after such a load on a real server: without statistics the planner guesses.
            if (TestStore.Provider == TestStore.PostgreSql)
            {
                await db.Database.ExecuteSqlRawAsync("ANALYZE");
            }

            return 0;
        });

        if (Environment.GetEnvironmentVariable("HISTORY_KEEP_DB") is not null)
        {
            app.KeepDataOnDispose = true;
            output.WriteLine($"kept: {app.PostgreSqlConnectionString} {app.DatabasePath} patron {patron.Id}");
        }

        var baseline = await TimeAsync(() => patron.Client.GetStringAsync("/api/me/card"));
        var first = await TimeAsync(() => patron.Client.GetStringAsync("/api/me/history?page=1&pageSize=20"));
        var last = await TimeAsync(() => patron.Client.GetStringAsync($"/api/me/history?page={Loans / 20}&pageSize=20"));
        var csv = await TimeAsync(() => patron.Client.GetStringAsync("/api/me/history.csv"), runs: 3);
        output.WriteLine($"{TestStore.Provider}, {Loans} past loans: first page p50 {first.P50:F1} ms (max {first.Max:F1}), " +
                         $"last page p50 {last.P50:F1} ms (max {last.Max:F1}), CSV of all p50 {csv.P50:F0} ms; " +
                         $"for comparison GET /api/me/card p50 {baseline.P50:F1} ms");

        var page = await patron.Client.GetJsonAsync<LoanHistoryApiTests.Page>("/api/me/history?page=1&pageSize=20");
        Assert.Equal(Loans, page.Total);
        Assert.Equal(500, page.Items.First(i => i.DaysOverdue == 3).Fee);
        Assert.Equal(Loans + 2, (await patron.Client.GetStringAsync("/api/me/history.csv")).Split("\r\n").Length);
        // The printed figures are the measurement; time is not asserted (it depends on the machine's load).
    }

    private static async Task<(double P50, double Max)> TimeAsync(Func<Task> call, int runs = 21)
    {
        await call(); // warm-up: query compilation, connection pool
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await call();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return (times[times.Count / 2], times[^1]);
    }
}
