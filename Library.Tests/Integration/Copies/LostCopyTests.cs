using System.Net;
using System.Net.Http.Json;
using Library.Domain.Catalog.Copies;
using Library.Domain.Fines;
using Library.Tests.Admin;
using Library.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Library.Tests.Integration.Copies;

public sealed class LostCopyTests
{
    [Fact]
    public async Task A_copy_declared_lost_on_loan_closes_the_loan_for_it_and_charges_the_titles_replacement_cost_once()
    {
        await using var app = new LibraryApp();
        await app.InitializeAsync();
        using var librarian = await app.SignInLibrarianAsync();
        using var patron = await app.NewPatronAsync();
        var input = AdminApi.NewBook(copies: 3);
        var book = await librarian.CreateBookAsync(input);
        Assert.Equal(HttpStatusCode.OK, (await librarian.PutAsJsonAsync(
            $"/api/books/{book.Id}", new { input.Title, input.Author, input.Isbn, input.Year, totalCopies = 3, replacementCost = 15_000 })).StatusCode);
        var loan = await patron.Client.BorrowNewAsync(book.Id, 2);
        var lostBarcode = (await app.BarcodesAsync(book.Id, CopyStatus.OnLoan))[0];

        var lost = await librarian.PatchCopyAsync(lostBarcode, new { status = "Lost", note = "Patron says it fell in the river" });

        Assert.Equal(HttpStatusCode.OK, lost.StatusCode);
        var mine = await patron.Client.GetJsonAsync<Api.Loan>($"/api/me/loans/{loan.Id}");
        Assert.Equal("Active", mine.Status);
        var dashboard = await patron.Client.DashboardWhenAsync(d => d.BooksOnLoan == 1 && d.AccumulatedFees == 15_000);
        Assert.Equal((1, 15_000L), (dashboard.BooksOnLoan, dashboard.AccumulatedFees));
        var fee = await app.WithDbAsync(db => db.Fees.SingleAsync(f => f.LoanId == loan.Id));
        Assert.Equal((FeeKind.LostCopy, 15_000L, FeeStatus.Outstanding), (fee.Kind, fee.Amount, fee.Status));
        var shown = await patron.Client.GetJsonAsync<Api.Book>($"/api/books/{book.Id}");
        Assert.Equal((2, 1), (shown.TotalCopies, shown.AvailableCopies));

        // Declaring it lost again changes nothing and charges nothing more; the other copy comes back as usual.
        Assert.Equal(HttpStatusCode.OK, (await librarian.PatchCopyAsync(lostBarcode, new { status = "Lost" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await patron.Client.ReturnAsync(loan.Id, 1)).StatusCode);
        await app.WaitForOutboxAsync();
        Assert.Equal(1, await app.WithDbAsync(db => db.Fees.CountAsync(f => f.LoanId == loan.Id)));
        Assert.Equal("Returned", (await patron.Client.GetJsonAsync<Api.Loan>($"/api/me/loans/{loan.Id}")).Status);
        await app.AssertCountersMatchCopiesAsync();

        // The replacement fee is waivable like any fee.
        var waived = await librarian.PostAsJsonAsync($"/api/admin/fees/{fee.Id}/waiver", new { reason = "Found and returned later" });
        Assert.Equal(HttpStatusCode.NoContent, waived.StatusCode);
        Assert.Equal(0, (await patron.Client.DashboardWhenAsync(d => d.AccumulatedFees == 0)).AccumulatedFees);
    }

    [Fact]
    public async Task Without_a_replacement_cost_on_the_title_the_library_default_is_charged_and_a_copy_lost_on_the_shelf_charges_nobody()
    {
        await using var app = new LibraryApp().With("Fines:LostItemFee", "12000");
        await app.InitializeAsync();
        using var librarian = await app.SignInLibrarianAsync();
        using var patron = await app.NewPatronAsync();
        var book = await librarian.CreateBookAsync(AdminApi.NewBook(copies: 2));
        var loan = await patron.Client.BorrowNewAsync(book.Id, 1);
        var lent = (await app.BarcodesAsync(book.Id, CopyStatus.OnLoan)).Single();
        var shelf = (await app.BarcodesAsync(book.Id, CopyStatus.Available)).Single();

        Assert.Equal(HttpStatusCode.OK, (await librarian.PatchCopyAsync(lent, new { status = "Lost" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await librarian.PatchCopyAsync(shelf, new { status = "Lost" })).StatusCode);

        Assert.Equal(12_000, (await patron.Client.DashboardWhenAsync(d => d.AccumulatedFees == 12_000)).AccumulatedFees);
        await app.WaitForOutboxAsync();
        Assert.Equal(12_000L, await app.WithDbAsync(db => db.Fees.Where(f => f.BookId == book.Id).SumAsync(f => f.Amount)));
        Assert.Equal("Returned", (await patron.Client.GetJsonAsync<Api.Loan>($"/api/me/loans/{loan.Id}")).Status);
        Assert.Equal((0, 0), await TotalsAsync(patron.Client, book.Id));
        Assert.Equal("BookMustHaveEnoughCopies", await (await patron.Client.BorrowAsync(book.Id, 1)).RuleOfAsync());

        // Found again: back on the shelf and lendable.
        Assert.Equal(HttpStatusCode.OK, (await librarian.PatchCopyAsync(shelf, new { status = "Available" })).StatusCode);
        Assert.Equal((1, 1), await TotalsAsync(patron.Client, book.Id));
        Assert.Equal(HttpStatusCode.Created, (await patron.Client.BorrowAsync(book.Id, 1)).StatusCode);
        await app.AssertCountersMatchCopiesAsync();
    }

    [Fact]
    public async Task A_copy_on_loan_cannot_be_marked_damaged_or_withdrawn_before_it_is_checked_in()
    {
        await using var app = new LibraryApp();
        await app.InitializeAsync();
        using var librarian = await app.SignInLibrarianAsync();
        using var patron = await app.NewPatronAsync();
        var book = await librarian.CreateBookAsync(AdminApi.NewBook(copies: 1));
        await patron.Client.BorrowNewAsync(book.Id, 1);
        var lent = (await app.BarcodesAsync(book.Id, CopyStatus.OnLoan)).Single();

        var damaged = await librarian.PatchCopyAsync(lent, new { status = "Damaged" });
        var onLoan = await librarian.PatchCopyAsync(lent, new { status = "OnHoldShelf" });

        Assert.Equal(HttpStatusCode.Conflict, damaged.StatusCode);
        Assert.Equal("CopyStatusChangeMustBeAllowed", await damaged.RuleOfAsync());
        Assert.Equal("CopyStatusIsSetByLending", await onLoan.RuleOfAsync());
        Assert.Equal(CopyStatus.OnLoan, await app.WithDbAsync(db => db.Copies.Where(c => c.Barcode == lent).Select(c => c.Status).SingleAsync()));
    }

    private static async Task<(int Total, int Available)> TotalsAsync(HttpClient client, int bookId)
    {
        var book = await client.GetJsonAsync<Api.Book>($"/api/books/{bookId}");
        return (book.TotalCopies, book.AvailableCopies);
    }
}
