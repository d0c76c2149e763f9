using Library.Domain.Fines;
using Library.Domain.Lending;
using Library.Tests.Admin;
using Library.Tests.TestSupport;
using Library.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Library.Tests.Integration.Reports;

/// <summary>
/// Known lending history in February 2026, library time Asia/Seoul (UTC+9); the clock stands at 2 March. Loans are made
/// through the API, then their instants are moved to the ones below (the test's "clock" for the past).
/// <list type="bullet">
/// <item>L1 title A, Mon 2 Feb 10:15, due 5 Feb, returned 4 Feb 11:00 (on time).</item>
/// <item>L2 title A, Mon 2 Feb 10:40, due 5 Feb, returned 8 Feb 09:00 (overdue on 6 and 7 Feb).</item>
/// <item>L3 title B, Tue 3 Feb 14:05, due 10 Feb, still out (overdue from 11 Feb).</item>
/// <item>L4 title A, Tue 10 Feb 23:30 (14:30 UTC, still 10 Feb in Seoul), due 20 Feb, returned 21 Feb 08:00 (never counted overdue).</item>
/// <item>L5 title C, 20 Jan, due 31 Jan, still out (overdue through the whole of February).</item>
/// <item>Fees: 1,000 charged 31 Jan 23:30, paid 1 Feb 00:10; 2,000 charged 15 Feb, waived 16 Feb; 3,000 charged 28 Feb 23:59, outstanding.</item>
/// </list>
/// Title D is never borrowed.
/// </summary>
public sealed class ReportsFixture : LibraryApp
{
    public Api.Book A { get; private set; } = default!;
    public Api.Book B { get; private set; } = default!;
    public Api.Book C { get; private set; } = default!;
    public Api.Book D { get; private set; } = default!;

    public static DateTimeOffset Seoul(int month, int day, int hour = 0, int minute = 0) =>
        new DateTimeOffset(2026, month, day, hour, minute, 0, TimeSpan.FromHours(9)).ToUniversalTime();

    /// <summary>The end of a library day, as the app stores due dates.</summary>
    public static DateTimeOffset EndOf(int month, int day) => Seoul(month, day).AddDays(1).AddMilliseconds(-1);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        using var librarian = await this.SignInLibrarianAsync();
        A = await librarian.CreateBookAsync(AdminApi.NewBook("Report title A " + Guid.NewGuid().ToString("N")[..6]));
        B = await librarian.CreateBookAsync(AdminApi.NewBook("Report title B " + Guid.NewGuid().ToString("N")[..6]));
        C = await librarian.CreateBookAsync(AdminApi.NewBook("Report title C " + Guid.NewGuid().ToString("N")[..6]));
        D = await librarian.CreateBookAsync(AdminApi.NewBook("Report title D " + Guid.NewGuid().ToString("N")[..6]));
        using var patron = await this.NewPatronAsync();
        var loans = new[] { A, A, B, A, C };
        var ids = new List<Guid>();
        foreach (var book in loans)
        {
            ids.Add((await patron.Client.BorrowNewAsync(book.Id)).Id);
        }

        foreach (var returned in new[] { ids[0], ids[1], ids[3] })
        {
            (await patron.Client.ReturnAsync(returned, 1)).EnsureSuccessStatusCode();
        }

        await WaitForOutboxAsync();
        await MoveAsync(ids[0], Seoul(2, 2, 10, 15), EndOf(2, 5), Seoul(2, 4, 11));
        await MoveAsync(ids[1], Seoul(2, 2, 10, 40), EndOf(2, 5), Seoul(2, 8, 9));
        await MoveAsync(ids[2], Seoul(2, 3, 14, 5), EndOf(2, 10), null);
        await MoveAsync(ids[3], Seoul(2, 10, 23, 30), EndOf(2, 20), Seoul(2, 21, 8));
        await MoveAsync(ids[4], Seoul(1, 20, 12), EndOf(1, 31), null);

        await WithDbAsync(async db =>
        {
            var paid = Fee.ChargeForLostCopy(Guid.NewGuid(), ids[1], patron.Id, A.Id, "X1", 1_000, Seoul(1, 31, 23, 30))!;
            paid.RecordPayment(Seoul(2, 1, 0, 10));
            var waived = Fee.ChargeForLostCopy(Guid.NewGuid(), ids[1], patron.Id, A.Id, "X2", 2_000, Seoul(2, 15, 12))!;
            waived.Waive("Report test", Seoul(2, 16, 9));
            var outstanding = Fee.ChargeForLostCopy(Guid.NewGuid(), ids[2], patron.Id, B.Id, "X3", 3_000, Seoul(2, 28, 23, 59))!;
            db.Fees.AddRange(paid, waived, outstanding);
            return await db.SaveChangesAsync();
        });
        await WaitForOutboxAsync();
    }

    private Task MoveAsync(Guid loanId, DateTimeOffset borrowedAt, DateTimeOffset dueAt, DateTimeOffset? returnedAt) =>
        WithDbAsync(async db =>
        {
            var loan = await db.Loans.Include(l => l.Returns).SingleAsync(l => l.Id == loanId);
            var entry = db.Entry(loan);
            entry.Property(l => l.BorrowedAt).CurrentValue = borrowedAt;
            entry.Property(l => l.DueAt).CurrentValue = dueAt;
            entry.Property(l => l.ClosedAt).CurrentValue = returnedAt;
            foreach (var r in loan.Returns)
            {
                db.Entry(r).Property(x => x.ReturnedAt).CurrentValue = returnedAt!.Value;
            }

            return await db.SaveChangesAsync();
        });
}
