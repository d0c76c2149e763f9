using System.Net;
using System.Net.Http.Json;
using Library.Domain.Catalog.Copies;
using Library.Domain.Lending.Holds;
using Library.Tests.Admin;
using Library.Tests.Integration.Copies;
using Library.Tests.TestSupport;
using Library.Web.Features.Lending.Holds;
using Library.Web.Features.Notices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Library.Tests.Integration.Holds;

/// <summary>Place → ready when a copy comes back → fulfilled by the borrow; refused to others; cancel and expiry pass it on.</summary>
public sealed class HoldLifecycleTests(LibraryApp app) : IClassFixture<LibraryApp>
{
    [Fact]
    public async Task A_returned_copy_waits_for_the_first_patron_in_the_queue_and_only_they_can_borrow_it()
    {
        using var librarian = await app.SignInLibrarianAsync();
        var book = await librarian.CreateBookAsync(AdminApi.NewBook(copies: 1));
        using var reader = await app.NewPatronAsync();
        using var first = await app.NewPatronAsync();
        using var second = await app.NewPatronAsync();
        var loan = await reader.Client.BorrowNewAsync(book.Id);

        var firstHold = await first.Client.PlaceHoldNewAsync(book.Id);
        var secondHold = await second.Client.PlaceHoldNewAsync(book.Id);

        Assert.Equal(("Waiting", 1, (DateTimeOffset?)null), (firstHold.Status, firstHold.Position, firstHold.ReadyUntil));
        Assert.Equal(("Waiting", 2), (secondHold.Status, secondHold.Position));
        Assert.Equal((1, 0, 2, 0), Shape(await first.Client.BookAsync(book.Id)));
        Assert.Equal(HttpStatusCode.Conflict, (await first.Client.BorrowAsync(book.Id, 1)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await reader.Client.ReturnAsync(loan.Id, 1)).StatusCode);

        var ready = await first.Client.MyHoldOnAsync(book.Id);
        Assert.Equal(("Ready", 0), (ready.Status, ready.Position));
        Assert.NotNull(ready.ReadyUntil);
        Assert.True(ready.ReadyUntil > app.Clock.GetUtcNow().AddDays(3), "picked up within 3 library days after today");
        Assert.Equal((1, 0, 1, 1), Shape(await reader.Client.BookAsync(book.Id)));
        var refused = await second.Client.BorrowAsync(book.Id, 1);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("CopiesHeldForOthers", await refused.RuleOfAsync());
        Assert.Equal((0, 1), await HoldCountsAsync(first.Client, d => d.HoldsReady == 1));

        var borrowed = await first.Client.BorrowNewAsync(book.Id);

        Assert.Equal(book.Id, borrowed.BookId);
        Assert.Empty(await first.Client.MyHoldsAsync());
        Assert.Equal(1, (await second.Client.MyHoldOnAsync(book.Id)).Position);
        Assert.Equal((1, 0, 1, 0), Shape(await first.Client.BookAsync(book.Id)));
        Assert.Equal(HoldStatus.Fulfilled, await app.WithDbAsync(db => db.Holds.Where(h => h.Id == firstHold.Id).Select(h => h.Status).SingleAsync()));
        Assert.Equal((0, 0), await HoldCountsAsync(first.Client, d => d.HoldsReady == 0 && d.BooksOnLoan == 1));
        Assert.Equal((1, 0), await HoldCountsAsync(second.Client, d => d.HoldsWaiting == 1));
        await app.AssertHoldShelfMatchesHoldsAsync();
        var notice = await app.WithDbAsync(db => db.Notifications.SingleAsync(n => n.PatronId == first.Id && n.Kind == NoticeKind.HoldReady));
        Assert.Equal((book.Title, ready.ReadyUntil), (notice.BookTitle, notice.DueAt));
    }

    [Fact]
    public async Task Cancelling_a_ready_hold_passes_the_copy_to_the_next_patron_and_the_last_cancel_puts_it_back_on_the_shelf()
    {
        using var librarian = await app.SignInLibrarianAsync();
        var book = await librarian.CreateBookAsync(AdminApi.NewBook(copies: 1));
        using var reader = await app.NewPatronAsync();
        using var first = await app.NewPatronAsync();
        using var second = await app.NewPatronAsync();
        var loan = await reader.Client.BorrowNewAsync(book.Id);
        var firstHold = await first.Client.PlaceHoldNewAsync(book.Id);
        var secondHold = await second.Client.PlaceHoldNewAsync(book.Id);
        await reader.Client.ReturnAsync(loan.Id, 1);

        Assert.Equal(HttpStatusCode.NotFound, (await second.Client.DeleteAsync($"/api/holds/{firstHold.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await first.Client.DeleteAsync($"/api/holds/{firstHold.Id}")).StatusCode);

        Assert.Equal("Ready", (await second.Client.MyHoldOnAsync(book.Id)).Status);
        Assert.Equal((1, 0, 0, 1), Shape(await second.Client.BookAsync(book.Id)));
        var again = await first.Client.DeleteAsync($"/api/holds/{firstHold.Id}");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("HoldMustBeOpen", await again.RuleOfAsync());

        Assert.Equal(HttpStatusCode.NoContent, (await second.Client.DeleteAsync($"/api/holds/{secondHold.Id}")).StatusCode);

        Assert.Equal((1, 1, 0, 0), Shape(await second.Client.BookAsync(book.Id)));
        await app.AssertHoldShelfMatchesHoldsAsync();
        Assert.Equal(0, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.Kind == NoticeKind.HoldCancelled && (n.PatronId == first.Id || n.PatronId == second.Id))));
    }

    [Fact]
    public async Task A_hold_not_picked_up_by_its_deadline_expires_and_its_copy_goes_to_the_next_patron()
    {
        using var librarian = await app.SignInLibrarianAsync();
        var book = await librarian.CreateBookAsync(AdminApi.NewBook(copies: 1));
        using var reader = await app.NewPatronAsync();
        using var first = await app.NewPatronAsync();
        using var second = await app.NewPatronAsync();
        var loan = await reader.Client.BorrowNewAsync(book.Id);
        var firstHold = await first.Client.PlaceHoldNewAsync(book.Id);
        var secondHold = await second.Client.PlaceHoldNewAsync(book.Id);
        await reader.Client.ReturnAsync(loan.Id, 1);
        var deadline = (await first.Client.MyHoldOnAsync(book.Id)).ReadyUntil!.Value;
        var expiry = app.Services.GetRequiredService<HoldExpiry>();

        Assert.Equal(0, (await expiry.RunAsync(CancellationToken.None)).Expired);
        app.Clock.Advance(deadline - app.Clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        var result = await expiry.RunAsync(CancellationToken.None);

        Assert.True(result.Expired >= 1 && result.PassedOn >= 1, $"{result}");
        var (firstStatus, secondStatus) = await app.WithDbAsync(async db => (
            await db.Holds.Where(h => h.Id == firstHold.Id).Select(h => h.Status).SingleAsync(),
            await db.Holds.Where(h => h.Id == secondHold.Id).Select(h => h.Status).SingleAsync()));
        Assert.Equal((HoldStatus.Expired, HoldStatus.Ready), (firstStatus, secondStatus));
        await app.WaitForOutboxAsync();
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.PatronId == first.Id && n.Kind == NoticeKind.HoldExpired)));
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.PatronId == second.Id && n.Kind == NoticeKind.HoldReady)));
        await app.AssertHoldShelfMatchesHoldsAsync();
    }

    [Fact]
    public async Task A_copy_checked_in_at_the_desk_goes_to_the_hold_shelf_and_the_desk_says_for_whom()
    {
        using var librarian = await app.SignInLibrarianAsync();
        var book = await librarian.CreateBookAsync(AdminApi.NewBook(copies: 1));
        using var reader = await app.NewPatronAsync();
        using var waiting = await app.NewPatronAsync();
        using var other = await app.NewPatronAsync();
        await reader.Client.BorrowNewAsync(book.Id);
        await waiting.Client.PlaceHoldNewAsync(book.Id);
        var barcode = (await app.BarcodesAsync(book.Id, CopyStatus.OnLoan)).Single();

        var checkin = await (await librarian.DeskCheckInAsync(barcode)).ReadAsync<CopyApi.Checkin>();

        Assert.Contains(await app.CardOfAsync(waiting.Id), checkin.HoldFor);
        Assert.Equal([barcode], await app.BarcodesAsync(book.Id, CopyStatus.OnHoldShelf));
        var wrongPatron = await librarian.DeskCheckOutAsync(await app.CardOfAsync(other.Id), barcode);
        Assert.Equal(HttpStatusCode.Conflict, wrongPatron.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await librarian.DeskCheckOutAsync(await app.CardOfAsync(waiting.Id), barcode)).StatusCode);
        Assert.Empty(await waiting.Client.MyHoldsAsync());
        await app.AssertHoldShelfMatchesHoldsAsync();
    }

    [Fact]
    public async Task A_librarian_sees_the_queue_and_the_hold_shelf_and_cancels_a_hold_with_a_reason_the_patron_is_told()
    {
        using var librarian = await app.SignInLibrarianAsync();
        var book = await librarian.CreateBookAsync(AdminApi.NewBook(copies: 1));
        using var reader = await app.NewPatronAsync();
        using var first = await app.NewPatronAsync();
        using var second = await app.NewPatronAsync();
        var loan = await reader.Client.BorrowNewAsync(book.Id);
        var firstHold = await first.Client.PlaceHoldNewAsync(book.Id);
        await second.Client.PlaceHoldNewAsync(book.Id);
        await reader.Client.ReturnAsync(loan.Id, 1);

        var queue = await librarian.GetJsonAsync<List<HoldQueueEntry>>($"/api/admin/books/{book.Id}/holds");
        Assert.Equal([(first.Id, HoldStatus.Ready, 0), (second.Id, HoldStatus.Waiting, 1)], queue.Select(q => (q.PatronId, q.Status, q.Position)));
        var shelf = await librarian.GetJsonAsync<List<HoldShelfEntry>>("/api/admin/holds/shelf");
        var entry = Assert.Single(shelf, s => s.BookId == book.Id);
        Assert.Equal((first.Id, await app.CardOfAsync(first.Id), false), (entry.PatronId, entry.CardNumber, entry.PastDeadline));

        Assert.Equal(HttpStatusCode.BadRequest, (await librarian.PostAsJsonAsync($"/api/admin/holds/{firstHold.Id}/cancel", new { reason = " " })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await librarian.PostAsJsonAsync($"/api/admin/holds/{firstHold.Id}/cancel", new { reason = "Copy is damaged" })).StatusCode);

        Assert.Equal("Ready", (await second.Client.MyHoldOnAsync(book.Id)).Status);
        await app.WaitForOutboxAsync();
        var told = await app.WithDbAsync(db => db.Notifications.SingleAsync(n => n.PatronId == first.Id && n.Kind == NoticeKind.HoldCancelled));
        Assert.Equal("Copy is damaged", told.Reason);
        Assert.True(await app.WithDbAsync(db => db.Set<Library.Web.Features.Admin.Audit.AuditEntry>().AnyAsync(a => a.Action == "Hold.Cancelled" && a.EntityId == firstHold.Id.ToString())));
        await app.AssertHoldShelfMatchesHoldsAsync();
    }

    [Fact]
    public async Task Copies_added_while_patrons_wait_go_to_them_and_archiving_a_title_ends_its_holds()
    {
        using var librarian = await app.SignInLibrarianAsync();
        var book = await librarian.CreateBookAsync(AdminApi.NewBook(copies: 1));
        using var reader = await app.NewPatronAsync();
        using var first = await app.NewPatronAsync();
        using var second = await app.NewPatronAsync();
        await reader.Client.BorrowNewAsync(book.Id);
        await first.Client.PlaceHoldNewAsync(book.Id);
        await second.Client.PlaceHoldNewAsync(book.Id);

        Assert.Equal(HttpStatusCode.Created, (await librarian.PostAsJsonAsync($"/api/books/{book.Id}/copies", new { count = 1 })).StatusCode);

        Assert.Equal("Ready", (await first.Client.MyHoldOnAsync(book.Id)).Status);
        Assert.Equal((2, 0, 1, 1), Shape(await librarian.BookAsync(book.Id)));

        Assert.Equal(HttpStatusCode.OK, (await librarian.PostAsync($"/api/books/{book.Id}/archive", null)).StatusCode);

        Assert.Empty(await first.Client.MyHoldsAsync());
        Assert.Empty(await second.Client.MyHoldsAsync());
        await app.AssertHoldShelfMatchesHoldsAsync();
    }

    [Fact]
    public async Task A_patron_who_deletes_their_account_leaves_the_queue_and_their_held_copy_passes_on()
    {
        using var librarian = await app.SignInLibrarianAsync();
        var book = await librarian.CreateBookAsync(AdminApi.NewBook(copies: 1));
        using var reader = await app.NewPatronAsync();
        using var leaving = await app.NewPatronAsync();
        using var next = await app.NewPatronAsync();
        var loan = await reader.Client.BorrowNewAsync(book.Id);
        await leaving.Client.PlaceHoldNewAsync(book.Id);
        await next.Client.PlaceHoldNewAsync(book.Id);
        await reader.Client.ReturnAsync(loan.Id, 1);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<Library.Web.Features.Accounts.AccountDeletion>().DeleteAsync(leaving.Id, CancellationToken.None));
        }

        Assert.Equal("Ready", (await next.Client.MyHoldOnAsync(book.Id)).Status);
        await app.AssertHoldShelfMatchesHoldsAsync();
    }

    [Fact]
    public async Task A_loan_cannot_be_renewed_while_another_patron_waits_for_the_title_and_can_once_their_hold_is_gone()
    {
        using var librarian = await app.SignInLibrarianAsync();
        var book = await librarian.CreateBookAsync(AdminApi.NewBook(copies: 1));
        using var reader = await app.NewPatronAsync();
        using var waiting = await app.NewPatronAsync();
        var loan = await reader.Client.BorrowNewAsync(book.Id);
        var hold = await waiting.Client.PlaceHoldNewAsync(book.Id);

        var refused = await reader.Client.PostAsync($"/api/loans/{loan.Id}/renew", null);

        Assert.Equal((HttpStatusCode.Conflict, "TitleWaitedForByOthers"), (refused.StatusCode, await refused.RuleOfAsync()));
        Assert.Equal(HttpStatusCode.NoContent, (await waiting.Client.DeleteAsync($"/api/holds/{hold.Id}")).StatusCode);
        var renewed = await reader.Client.PostAsync($"/api/loans/{loan.Id}/renew", null);
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        Assert.True((await renewed.ReadAsync<Api.Loan>()).DueAt > loan.DueAt);
    }

    [Fact]
    public async Task Holds_are_refused_with_a_reason_when_they_make_no_sense()
    {
        using var librarian = await app.SignInLibrarianAsync();
        var onShelf = await librarian.CreateBookAsync(AdminApi.NewBook(copies: 1));
        var lent = await librarian.CreateBookAsync(AdminApi.NewBook(copies: 1));
        using var reader = await app.NewPatronAsync();
        using var patron = await app.NewPatronAsync();
        await reader.Client.BorrowNewAsync(lent.Id);

        Assert.Equal("HoldNotNeeded", await (await patron.Client.PlaceHoldAsync(onShelf.Id)).RuleOfAsync());
        Assert.Equal("HoldOnTitleOnLoan", await (await reader.Client.PlaceHoldAsync(lent.Id)).RuleOfAsync());
        await patron.Client.PlaceHoldNewAsync(lent.Id);
        var twice = await patron.Client.PlaceHoldAsync(lent.Id);
        Assert.Equal((HttpStatusCode.Conflict, "HoldAlreadyPlaced"), (twice.StatusCode, await twice.RuleOfAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await patron.Client.PlaceHoldAsync(999_999)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await patron.Client.PostAsJsonAsync("/api/holds", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await librarian.PostAsJsonAsync($"/api/admin/patrons/{patron.Id}/block", new { reason = "unpaid fees" })).StatusCode);
        var other = await librarian.CreateBookAsync(AdminApi.NewBook(copies: 1));
        await reader.Client.BorrowNewAsync(other.Id);
        Assert.Equal("PatronMustNotBeBlocked", await (await patron.Client.PlaceHoldAsync(other.Id)).RuleOfAsync());
        Assert.Single(await patron.Client.MyHoldsAsync());
    }

    private static (int Total, int Available, int Waiting, int OnHoldShelf) Shape(HoldApi.BookWithHolds b) =>
        (b.TotalCopies, b.AvailableCopies, b.HoldsWaiting, b.OnHoldShelf);

    private static async Task<(int Waiting, int Ready)> HoldCountsAsync(HttpClient patron, Func<HoldApi.HoldsDashboard, bool> expected)
    {
        HoldApi.HoldsDashboard dashboard = default!;
        for (var i = 0; i < 100; i++)
        {
            dashboard = await patron.GetJsonAsync<HoldApi.HoldsDashboard>("/api/me/dashboard");
            if (expected(dashboard))
            {
                break;
            }

            await Task.Delay(50);
        }

        return (dashboard.HoldsWaiting, dashboard.HoldsReady);
    }
}
