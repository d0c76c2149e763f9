using Library.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Library.Tests.Integration;

/// <summary>The data migration gives loans stored with the old meaning (borrow instant + 14 days) the new one.</summary>
public sealed class DueDateMigrationTests
{
    private const string Migration = "20261201213000_DueDatesEndOfLibraryDay";

    [Fact]
    public async Task A_stored_due_moment_becomes_the_end_of_its_Seoul_day_and_new_due_dates_stay_as_they_are()
    {
        var kst = TimeSpan.FromHours(9);
        await using var before = new LibraryApp { KeepDataOnDispose = true };
        await before.InitializeAsync();
        Guid oldLoan, newLoan;
        DateTimeOffset newDue;
        using (var patron = await before.SignInPatronAsync())
        {
            var book = await patron.FindBookWithCopiesAsync(2);
            oldLoan = (await (await patron.BorrowAsync(book.Id, 1)).ReadAsync<Api.Loan>()).Id;
            var fresh = await (await patron.BorrowAsync(book.Id, 1)).ReadAsync<Api.Loan>();
            (newLoan, newDue) = (fresh.Id, fresh.DueAt);
        }

        await before.WaitForOutboxAsync();
        // What the old code stored for a loan made at 00:30 KST on 3 March: 14 days later to the minute, which is
        // 16 March in UTC but 17 March in Seoul.
        var oldDue = new DateTimeOffset(2026, 3, 17, 0, 30, 0, kst).ToUniversalTime();
        await before.WithDbAsync(db => db.Loans.Where(l => l.Id == oldLoan).ExecuteUpdateAsync(s => s.SetProperty(l => l.DueAt, oldDue)));
        await before.WithDbAsync(db => db.Database.ExecuteSqlRawAsync($"DELETE FROM __EFMigrationsHistory WHERE MigrationId = '{Migration}'"));
        await before.DisposeAsync();

        await using var after = LibraryApp.RestartOn(before.DataDirectory);
        after.KeepDataOnDispose = false;
        await after.InitializeAsync();

        var migrated = await after.WithDbAsync(db => db.Loans.Where(l => l.Id == oldLoan).Select(l => l.DueAt).SingleAsync());
        Assert.Equal(new DateTimeOffset(2026, 3, 17, 23, 59, 59, 999, kst), migrated);
        Assert.Equal(newDue, await after.WithDbAsync(db => db.Loans.Where(l => l.Id == newLoan).Select(l => l.DueAt).SingleAsync()));
    }
}
