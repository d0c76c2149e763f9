using System.Net;
using System.Net.Http.Json;
using Library.Domain.Catalog.Copies;
using Library.Domain.Common;
using Library.Tests.Admin;
using Library.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Library.Tests.Integration.Copies;

public sealed class DeskTests
{
    [Fact]
    public async Task Checking_in_a_copy_someone_else_borrowed_returns_it_to_the_shelf_and_charges_their_late_fee_once()
    {
        await using var app = new LibraryApp();
        await app.InitializeAsync();
        using var librarian = await app.SignInLibrarianAsync();
        using var patron = await app.NewPatronAsync();
        var book = await librarian.CreateBookAsync(AdminApi.NewBook(copies: 2));
        var loan = await patron.Client.BorrowNewAsync(book.Id, 2);
        await app.BackdateLoanAsync(loan.Id);
        Assert.Equal(HttpStatusCode.OK, (await librarian.SetDueDateAsync(loan.Id, app.Clock.GetUtcNow().AddDays(-7))).StatusCode);
        var barcode = (await app.BarcodesAsync(book.Id, CopyStatus.OnLoan))[1];

        var response = await librarian.DeskCheckInAsync(barcode.ToLowerInvariant()); // typed by hand, in lower case

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var checkin = await response.ReadAsync<CopyApi.Checkin>();
        Assert.Equal((loan.Id, patron.Id, book.Id, barcode, 7, 500L), (checkin.LoanId, checkin.PatronId, checkin.BookId, checkin.Barcode, checkin.DaysOverdue, checkin.LateFeeCharged));
        Assert.Null(checkin.HoldFor);
        Assert.Equal(500, (await librarian.FeeForLoanAsync(loan.Id))!.Amount);
        Assert.Equal(1, (await patron.Client.DashboardWhenAsync(d => d.BooksOnLoan == 1)).BooksOnLoan);
        Assert.Contains(barcode, await app.BarcodesAsync(book.Id, CopyStatus.Available));

        var again = await librarian.DeskCheckInAsync(barcode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("CopyMustBeOnLoan", await again.RuleOfAsync());
        await app.WaitForOutboxAsync();
        Assert.Equal(1, await app.WithDbAsync(db => db.Fees.CountAsync(f => f.LoanId == loan.Id)));
        await app.AssertCountersMatchCopiesAsync();
    }

    [Fact]
    public async Task A_mistyped_code_is_a_400_an_unknown_one_a_404_and_a_blocked_patron_a_409_and_nothing_is_lent()
    {
        await using var app = new LibraryApp();
        await app.InitializeAsync();
        using var librarian = await app.SignInLibrarianAsync();
        using var patron = await app.NewPatronAsync();
        var card = await app.CardOfAsync(patron.Id);
        var book = await librarian.CreateBookAsync(AdminApi.NewBook(copies: 1));
        var barcode = (await app.BarcodesAsync(book.Id, CopyStatus.Available)).Single();

        Assert.Equal(HttpStatusCode.BadRequest, (await librarian.DeskCheckOutAsync(card, CopyApi.WithWrongCheckDigit(barcode))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await librarian.DeskCheckOutAsync(CopyApi.WithWrongCheckDigit(card), barcode)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await librarian.DeskCheckInAsync("not a barcode!")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await librarian.DeskCheckOutAsync(card, ScanCode.Create("LIB", 99_999_999))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await librarian.DeskCheckOutAsync(ScanCode.Create("CARD", 1), barcode)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await librarian.GetAsync($"/api/desk/patrons/by-card/{ScanCode.Create("CARD", 1)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await librarian.PostAsJsonAsync($"/api/admin/patrons/{patron.Id}/block", new { reason = "Card reported stolen" })).StatusCode);
        var blocked = await librarian.DeskCheckOutAsync(card, barcode);
        Assert.Equal(HttpStatusCode.Conflict, blocked.StatusCode);
        Assert.Equal("PatronMustNotBeBlocked", await blocked.RuleOfAsync());

        Assert.Equal([barcode], await app.BarcodesAsync(book.Id, CopyStatus.Available));
        Assert.Equal(0, await app.WithDbAsync(db => db.Loans.CountAsync(l => l.BookId == book.Id)));
    }

    [Fact]
    public async Task A_scanned_card_finds_its_patron_and_a_replaced_card_stops_working()
    {
        await using var app = new LibraryApp();
        await app.InitializeAsync();
        using var librarian = await app.SignInLibrarianAsync();
        using var patron = await app.NewPatronAsync();
        var card = await app.CardOfAsync(patron.Id);
        Assert.Equal(ScanCodeProblem.None, ScanCode.Read(card, "CARD", out _));
        Assert.Equal(card, (await patron.Client.GetJsonAsync<CardBody>("/api/me/card")).CardNumber);

        var found = await librarian.GetJsonAsync<DeskPatronBody>($"/api/desk/patrons/by-card/{card}");
        Assert.Equal(patron.Id, found.Id);

        var replaced = await librarian.PostAsync($"/api/admin/patrons/{patron.Id}/card", null);
        var newCard = (await replaced.ReadAsync<CardBody>()).CardNumber;
        Assert.NotEqual(card, newCard);
        Assert.Equal(HttpStatusCode.NotFound, (await librarian.GetAsync($"/api/desk/patrons/by-card/{card}")).StatusCode);
        Assert.Equal(patron.Id, (await librarian.GetJsonAsync<DeskPatronBody>($"/api/desk/patrons/by-card/{newCard}")).Id);
        Assert.Equal(newCard, (await patron.Client.GetJsonAsync<CardBody>("/api/me/card")).CardNumber);
    }

    [Fact]
    public async Task Two_desks_scanning_the_last_copy_at_once_lend_it_exactly_once()
    {
        await using var app = new LibraryApp();
        await app.InitializeAsync();
        using var desk1 = await app.SignInLibrarianAsync();
        using var desk2 = await app.SignInLibrarianAsync();
        using var alice = await app.NewPatronAsync();
        using var bob = await app.NewPatronAsync();
        var cards = (await app.CardOfAsync(alice.Id), await app.CardOfAsync(bob.Id));
        for (var round = 0; round < 5; round++)
        {
            var book = await desk1.CreateBookAsync(AdminApi.NewBook(copies: 1));
            var barcode = (await app.BarcodesAsync(book.Id, CopyStatus.Available)).Single();

            var answers = await Task.WhenAll(
                desk1.DeskCheckOutAsync(cards.Item1, barcode),
                desk2.DeskCheckOutAsync(cards.Item2, barcode),
                bob.Client.BorrowAsync(book.Id, 1));

            Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
            Assert.Equal(2, answers.Count(a => a.StatusCode == HttpStatusCode.Conflict));
            Assert.Equal(1, await app.WithDbAsync(db => db.LoanItems.CountAsync(i => i.Barcode == barcode)));
            Assert.Equal(0, (await alice.Client.GetJsonAsync<Api.Book>($"/api/books/{book.Id}")).AvailableCopies);
        }

        await app.AssertCountersMatchCopiesAsync();
    }

    private sealed record CardBody(string CardNumber);

    private sealed record DeskPatronBody(string Id, string DisplayName, string CardNumber, bool IsBlocked, int CopiesOnLoan, long FeesOwed);
}
