using Library.Domain.Common;
using Library.Domain.Lending;
using Library.Tests.TestSupport;
using Library.Web.Features.Dashboard;
using Library.Web.Features.Lending;
using Library.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Library.Tests.Integration;

/// <summary>The dashboard read model is kept by event handlers; a rebuild from the lending and fines tables must agree with it.</summary>
public sealed class DashboardReadModelTests
{
    [Fact]
    public async Task Rebuild_equals_the_incrementally_kept_rows_after_a_random_mix_of_borrows_returns_overdue_flags_and_fees()
    {
        // Many lending actions in a tight loop: lift the per-patron throttle, which has its own tests.
        await using var app = new LibraryApp().With("Lending:Throttle:PerPatronBurst", "10000");
        await app.InitializeAsync();
        var patrons = new[] { await app.UserIdAsync(LibraryApp.PatronEmail), await app.UserIdAsync(LibraryApp.Patron2Email) };
        var bookIds = await app.WithDbAsync(db => db.Books.OrderBy(b => b.Id).Select(b => b.Id).Take(12).ToListAsync());
        var random = new Random(20260302);
        var rulesBroken = 0;

        for (var step = 0; step < 80; step++)
        {
            var patron = patrons[random.Next(patrons.Length)];
            try
            {
                switch (random.Next(10))
                {
                    case < 4:
                        await WithLendingAsync(app, l => l.BorrowAsync(patron, bookIds[random.Next(bookIds.Count)], random.Next(1, 4), default));
                        break;
                    case < 7:
                        var loans = await app.WithDbAsync(db => db.Loans.Where(l => l.PatronId == patron && l.Status == LoanStatus.Active).ToListAsync());
                        if (loans.Count > 0)
                        {
                            var loan = loans[random.Next(loans.Count)];
                            await WithLendingAsync(app, l => l.ReturnAsync(loan.Id, random.Next(1, loan.QuantityOnLoan + 1), patron, default));
                        }

                        break;
                    case < 9:
                        app.Clock.Advance(TimeSpan.FromDays(random.Next(1, 12)));
                        break;
                    default:
                        await FlagOverdueLoansAsync(app);
                        break;
                }
            }
            catch (BusinessRuleViolationException)
            {
                rulesBroken++; // e.g. the loan limit or no copies left: nothing changes, as for a patron
            }
        }

        await app.WaitForOutboxAsync();
        var rebuilder = app.Services.GetRequiredService<DashboardRebuilder>();
        var incremental = await app.WithDbAsync(db => db.PatronDashboards.AsNoTracking().OrderBy(d => d.PatronId).ToListAsync());
        var recomputed = await rebuilder.ComputeAsync(default);

        Assert.True(incremental.Sum(d => d.AccumulatedFees) > 0, "the mix should have produced late fees");
        Assert.True(incremental.Sum(d => d.OverdueLoans) + incremental.Sum(d => d.BooksOnLoan) > 0, "the mix should leave loans out");
        Assert.Equal(Shape(recomputed), Shape(incremental));

        await rebuilder.RebuildAsync(default);
        var rebuilt = await app.WithDbAsync(db => db.PatronDashboards.AsNoTracking().OrderBy(d => d.PatronId).ToListAsync());
        Assert.Equal(Shape(incremental), Shape(rebuilt));
        Assert.True(rulesBroken < 80);
    }

    [Fact]
    public async Task Flagged_overdue_loan_counts_until_it_is_fully_returned()
    {
        await using var app = new LibraryApp();
        await app.InitializeAsync();
        var patron = await app.UserIdAsync(LibraryApp.PatronEmail);
        var bookId = await app.WithDbAsync(db => db.Books.Where(b => b.AvailableCopies >= 3).Select(b => b.Id).FirstAsync());
        var loan = await WithLendingAsync(app, l => l.BorrowAsync(patron, bookId, 3, default));

        app.Clock.Advance(TimeSpan.FromDays(15));
        await FlagOverdueLoansAsync(app);
        Assert.Equal(1, (await DashboardAsync(app, patron)).OverdueLoans);

        await WithLendingAsync(app, l => l.ReturnAsync(loan.Id, 2, patron, default));
        Assert.Equal((1, 1), await OverdueAndOnLoanAsync(app, patron));

        await WithLendingAsync(app, l => l.ReturnAsync(loan.Id, 1, patron, default));
        Assert.Equal((0, 0), await OverdueAndOnLoanAsync(app, patron));
        Assert.Equal(1000, (await DashboardAsync(app, patron)).AccumulatedFees); // two late returns, ₩500 each
    }

    private static async Task<(int Overdue, int OnLoan)> OverdueAndOnLoanAsync(LibraryApp app, string patron)
    {
        var d = await DashboardAsync(app, patron);
        return (d.OverdueLoans, d.BooksOnLoan);
    }

    private static async Task<DashboardDto> DashboardAsync(LibraryApp app, string patron)
    {
        await app.WaitForOutboxAsync();
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DashboardQueries>().GetAsync(patron, default);
    }

    private static async Task<T> WithLendingAsync<T>(LibraryApp app, Func<LendingService, Task<T>> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<LendingService>());
    }

    /// <summary>What the overdue sweep does: flag every active loan past its due date (raises BookExpired once per loan).</summary>
    private static Task<int> FlagOverdueLoansAsync(LibraryApp app) =>
        app.Services.GetRequiredService<DbWriter>().ExecuteAsync(async (db, ct) =>
        {
            var now = app.Clock.GetUtcNow();
            var loans = await db.Loans.Where(l => l.Status == LoanStatus.Active && l.OverdueFlaggedAt == null).ToListAsync(ct);
            return loans.Count(l => l.FlagOverdue(now));
        }, default);

    private static List<(string, int, long, int)> Shape(IEnumerable<PatronDashboard> rows) =>
        rows.Select(d => (d.PatronId, d.BooksOnLoan, d.AccumulatedFees, d.OverdueLoans)).OrderBy(r => r.PatronId, StringComparer.Ordinal).ToList();
}
