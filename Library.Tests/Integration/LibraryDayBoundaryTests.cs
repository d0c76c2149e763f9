using System.Net;
using Library.Tests.TestSupport;

namespace Library.Tests.Integration;

/// <summary>
/// The library is in Seoul (the default Library:TimeZone): days turn at 00:00 KST, not at 09:00 KST (midnight UTC).
/// The test clock starts at 09:00 UTC on 2 March = 18:00 KST.
/// </summary>
public sealed class LibraryDayBoundaryTests
{
    private static readonly TimeSpan Kst = TimeSpan.FromHours(9);

    private static void MoveTo(LibraryApp app, DateTimeOffset target) => app.Clock.Advance(target - app.Clock.GetUtcNow());

    [Fact]
    public async Task Loans_made_at_00_30_and_08_59_KST_are_due_at_the_end_of_the_Seoul_day_14_days_later_and_late_from_00_00_KST()
    {
        await using var app = new LibraryApp();
        await app.InitializeAsync();
        var endOf17March = new DateTimeOffset(2026, 3, 17, 23, 59, 59, 999, Kst);

        MoveTo(app, new DateTimeOffset(2026, 3, 3, 0, 30, 0, Kst)); // still 2 March in UTC
        using (var patron = await app.SignInPatronAsync())
        {
            var book = await patron.FindBookWithCopiesAsync(2);
            var early = await (await patron.BorrowAsync(book.Id, 1)).ReadAsync<Api.Loan>();
            Assert.Equal(endOf17March, early.DueAt);

            MoveTo(app, new DateTimeOffset(2026, 3, 3, 8, 59, 0, Kst));
            using var again = await app.SignInPatronAsync();
            var late = await (await again.BorrowAsync(book.Id, 1)).ReadAsync<Api.Loan>();
            Assert.Equal(endOf17March, late.DueAt);

            MoveTo(app, new DateTimeOffset(2026, 3, 17, 23, 59, 0, Kst));
            using var onDueDay = await app.SignInPatronAsync();
            var onTime = await onDueDay.ReturnAsync(early.Id, 1);
            Assert.Equal(HttpStatusCode.OK, onTime.StatusCode);
            Assert.Equal(0, (await onTime.ReadAsync<Api.ReturnResponse>()).DaysOverdue);

            MoveTo(app, new DateTimeOffset(2026, 3, 18, 0, 0, 0, Kst));
            using var nextDay = await app.SignInPatronAsync();
            var oneDayLate = await (await nextDay.ReturnAsync(late.Id, 1)).ReadAsync<Api.ReturnResponse>();
            Assert.Equal(1, oneDayLate.DaysOverdue);
            Assert.Equal(500, oneDayLate.LateFeeCharged);
        }
    }

    [Fact]
    public async Task An_unknown_time_zone_stops_the_app_with_a_message_naming_the_setting()
    {
        await using var app = new LibraryApp().With("Library:TimeZone", "Mars/Olympus_Mons");

        var error = await Assert.ThrowsAnyAsync<Exception>(app.InitializeAsync);

        var message = error is InvalidOperationException ? error.Message : error.GetBaseException().Message;
        Assert.Contains("Library:TimeZone \"Mars/Olympus_Mons\"", error.ToString());
        Assert.DoesNotContain('\n', message);
    }
}
