using System.Net;
using Library.Domain.Lending;
using Library.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Library.Tests.Integration;

public sealed class BorrowTransactionTests
{
    [Fact]
    public async Task Borrow_commits_loan_stock_and_outbox_row_together()
    {
        await using var app = new LibraryApp().With("Outbox:DispatchEnabled", "false");
        await app.InitializeAsync();
        using var patron = await app.SignInPatronAsync();
        var book = await patron.FindBookWithCopiesAsync(3);

        var response = await patron.BorrowAsync(book.Id, 2);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var loan = await response.ReadAsync<Api.Loan>();
        var (stored, available, outboxTypes) = await app.WithDbAsync(async db => (
            await db.Loans.SingleOrDefaultAsync(l => l.Id == loan.Id),
            await db.Books.Where(b => b.Id == book.Id).Select(b => b.AvailableCopies).SingleAsync(),
            await db.OutboxMessages.Select(m => m.Type).ToListAsync()));
        Assert.NotNull(stored);
        Assert.Equal(2, stored.Quantity);
        Assert.Equal(book.AvailableCopies - 2, available);
        Assert.Contains("lending.book-borrowed", outboxTypes);
        Assert.Contains("catalog.book-stock-changed", outboxTypes);
    }

    [Fact]
    public async Task A_failure_inside_the_borrow_transaction_commits_nothing()
    {
        await using var app = new FailingApp();
        await app.InitializeAsync();
        using var patron = await app.SignInPatronAsync();
        var book = await patron.FindBookWithCopiesAsync(2);
        var outboxBefore = await app.WithDbAsync(db => db.OutboxMessages.CountAsync());

        app.Failure.Armed = true;
        var response = await patron.BorrowAsync(book.Id, 1);
        app.Failure.Armed = false;

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var (loans, available, outboxAfter) = await app.WithDbAsync(async db => (
            await db.Loans.CountAsync(l => l.BookId == book.Id),
            await db.Books.Where(b => b.Id == book.Id).Select(b => b.AvailableCopies).SingleAsync(),
            await db.OutboxMessages.CountAsync()));
        Assert.Equal(0, loans);
        Assert.Equal(book.AvailableCopies, available);
        Assert.Equal(outboxBefore, outboxAfter);
    }

    [Fact]
    public async Task Stock_cannot_go_below_zero_even_with_raw_sql()
    {
        await using var app = new LibraryApp();
        await app.InitializeAsync();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => app.WithDbAsync(db =>
            db.Database.ExecuteSqlRawAsync("UPDATE \"Books\" SET \"AvailableCopies\" = -1 WHERE \"Id\" = (SELECT MIN(\"Id\") FROM \"Books\")")));

        Assert.Contains("CK_Books_Stock", error.ToString());
    }

    private sealed class FailingApp : LibraryApp
    {
        public FailAfterSave Failure { get; } = new();

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.AddSingleton<IInterceptor>(Failure));
        }
    }

    /// <summary>Throws after the loan, stock and outbox statements ran but before COMMIT, like a crash mid-transaction.</summary>
    private sealed class FailAfterSave : SaveChangesInterceptor
    {
        public volatile bool Armed;

        public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            if (Armed && eventData.Context!.ChangeTracker.Entries<Loan>().Any())
            {
                throw new IOException("Simulated failure before commit");
            }

            return ValueTask.FromResult(result);
        }
    }
}
