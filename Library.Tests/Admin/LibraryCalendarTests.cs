using System.Net;
using System.Net.Http.Json;
using Library.Domain.Lending;
using Library.Tests.TestSupport;
using Library.Web.Features.Calendar;
using Microsoft.Extensions.DependencyInjection;

namespace Library.Tests.Admin;

/// <summary>
/// The library's calendar on the real app, through the API: closed days move due dates and (with Fines:SkipClosedDays)
/// are not charged as days overdue. The test clock starts on Monday 2 March 2026, 18:00 KST; a 14-day loan is due Monday 16 March.
/// </summary>
public sealed class LibraryCalendarTests
{
    private static readonly TimeSpan Kst = TimeSpan.FromHours(9);
    private static readonly DateTimeOffset EndOf16March = new(2026, 3, 16, 23, 59, 59, 999, Kst);
    private static readonly DateTimeOffset EndOf17March = new(2026, 3, 17, 23, 59, 59, 999, Kst);

    private sealed record ClosedDate(DateOnly Date, string? Note);

    private sealed record Calendar(List<string> ClosedWeekdays, List<ClosedDate> ClosedDates);

    private sealed record AuditPage(List<AuditRow> Items, int TotalCount);

    private sealed record AuditRow(string Action, string EntityId, string ActorEmail);

    private static Task<HttpResponseMessage> PutCalendarAsync(HttpClient librarian, string[] weekdays, params object[] dates) =>
        librarian.PutAsJsonAsync("/api/admin/calendar", new { closedWeekdays = weekdays, closedDates = dates });

    [Fact]
    public async Task A_closed_weekday_moves_the_due_date_of_a_new_loan_to_the_next_open_day_and_is_audited()
    {
        await using var app = new LibraryApp();
        await app.InitializeAsync();
        using var librarian = await app.SignInLibrarianAsync();
        using var patron = await app.SignInPatronAsync();
        var book = await patron.FindBookWithCopiesAsync(3);

        var put = await PutCalendarAsync(librarian, ["Monday"], new { date = "2026-12-25", note = "Christmas" });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var calendar = await put.ReadAsync<Calendar>();
        Assert.Equal(["Monday"], calendar.ClosedWeekdays);
        Assert.Equal(new ClosedDate(new DateOnly(2026, 12, 25), "Christmas"), Assert.Single(calendar.ClosedDates));

        var loan = await (await patron.BorrowAsync(book.Id, 1)).ReadAsync<Api.Loan>();
        Assert.Equal(EndOf17March, loan.DueAt); // Monday 16 March is closed: due Tuesday

        var audit = await librarian.GetFromJsonAsync<AuditPage>("/api/admin/audit?entityType=Calendar", Api.Json);
        Assert.Contains(audit!.Items, e => e.Action == "Calendar.WeekdaysChanged" && e.ActorEmail == LibraryApp.LibrarianEmail);
        Assert.Contains(audit.Items, e => e.Action == "Calendar.DateClosed" && e.EntityId == "2026-12-25");

        // Open on Mondays again: the next loan is due on Monday at once (this node reloads right after the change).
        Assert.Equal(HttpStatusCode.OK, (await PutCalendarAsync(librarian, [])).StatusCode);
        var again = await (await patron.BorrowAsync(book.Id, 1)).ReadAsync<Api.Loan>();
        Assert.Equal(EndOf16March, again.DueAt);
        Assert.Empty((await librarian.GetFromJsonAsync<Calendar>("/api/admin/calendar", Api.Json))!.ClosedDates);

        var everyDay = await PutCalendarAsync(librarian, ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]);
        var problem = await everyDay.ReadAsync<Api.Problem>();
        Assert.Equal(HttpStatusCode.Conflict, everyDay.StatusCode);
        Assert.Equal("LibraryMustOpenOnSomeWeekday", problem.Rule);
    }

    [Theory]
    [InlineData(true, 7, 500)]
    [InlineData(false, 8, 1_000)]
    public async Task A_late_return_across_a_closed_holiday_is_charged_by_open_days_unless_SkipClosedDays_is_off(
        bool skipClosedDays, int expectedDaysOverdue, long expectedFee)
    {
        await using var app = new LibraryApp().With("Fines:SkipClosedDays", skipClosedDays ? "true" : "false");
        await app.InitializeAsync();
        using var librarian = await app.SignInLibrarianAsync();
        using var patron = await app.SignInPatronAsync();
        var book = await patron.FindBookWithCopiesAsync(2);
        var loan = await (await patron.BorrowAsync(book.Id, 2)).ReadAsync<Api.Loan>();
        Assert.Equal(EndOf16March, loan.DueAt);

        // Friday 20 March is a holiday; the return on Tuesday 24 March is 8 calendar days after the due day.
        Assert.Equal(HttpStatusCode.OK, (await PutCalendarAsync(librarian, [], new { date = "2026-03-20", note = "Holiday" })).StatusCode);
        app.Clock.Advance(TimeSpan.FromDays(22));
        using var late = await app.SignInPatronAsync();
        var returned = await (await late.ReturnAsync(loan.Id, 1)).ReadAsync<Api.ReturnResponse>();

        Assert.Equal(expectedDaysOverdue, returned.DaysOverdue);
        Assert.Equal(expectedFee, returned.LateFeeCharged);
        await app.WaitForOutboxAsync();
        var dashboard = await late.GetFromJsonAsync<Api.Dashboard>("/api/me/dashboard", Api.Json);
        Assert.Equal(expectedFee, dashboard!.AccumulatedFees);
    }

    [Fact]
    public async Task A_change_written_by_another_node_is_seen_after_the_periodic_refresh()
    {
        await using var app = new LibraryApp().With("Calendar:RefreshSeconds", "1");
        await app.InitializeAsync();
        var calendar = app.Services.GetRequiredService<LibraryCalendar>();
        var monday16 = new DateOnly(2026, 3, 16);
        Assert.True(calendar.IsOpen(monday16));

        // Another node's change: the row is in the shared database, this node's snapshot does not know it yet.
        await app.WithDbAsync(async db =>
        {
            db.Set<ClosedWeekday>().Add(new ClosedWeekday { Day = DayOfWeek.Monday });
            return await db.SaveChangesAsync();
        });

        await Eventually.HoldsAsync(() => Task.FromResult(!calendar.IsOpen(monday16)), "the refresh to read the closed Monday", TimeSpan.FromSeconds(10));
        using var patron = await app.SignInPatronAsync();
        var book = await patron.FindBookWithCopiesAsync(1);
        Assert.Equal(EndOf17March, (await (await patron.BorrowAsync(book.Id, 1)).ReadAsync<Api.Loan>()).DueAt);
    }
}
